import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REGULATION_NOTICE } from '@sgd/config';
import { coreService } from '@sgd/plugin-core';
import { isTrustedImport } from '@sgd/plugin-workflow';

export const LEGAL_UID = 'api::legal-document.legal-document';
const SELLER_UID = 'plugin::sellers.seller';
const DAY = 24 * 60 * 60 * 1000;

interface LegalDocument {
  documentId: string;
  title: string;
  kind: string;
  slug: string;
  version: string;
  effectiveFrom: string;
  summary: string | null;
  publishedAt: string | null;
}

/** Today in Vietnam (UTC+7), as YYYY-MM-DD. */
const vietnamDate = (at: Date) => new Date(at.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const dmy = (date: string) => date.split('-').reverse().join('/');

export const noticeMessage = (today: string) =>
  `Phiên bản mới của quy chế hoạt động chỉ có hiệu lực sớm nhất ${REGULATION_NOTICE.days} ngày sau ngày đăng ` +
  `(Nghị định 52/2013/NĐ-CP, sửa đổi bởi Nghị định 85/2021/NĐ-CP): đăng ngày ${dmy(today)} thì ngày có hiệu lực ` +
  `phải từ ${dmy(addDays(today, REGULATION_NOTICE.days))} trở đi.`;

/**
 * The notice period of the operating regulation (QC; Decree 52/2013 as amended): a version of a
 * regulation is published only if it takes effect at least 5 days later, and its first publication
 * writes every active seller (verified, not locked, account not blocked) an email, through the
 * outbox, with the effective date, a summary of the changes and the link to the full text. A
 * republication (a corrected typo) with the same effective date sends nothing. Trusted imports (the
 * demo's history) are exempt. A Document Service middleware, so the admin, REST and code alike obey.
 */
export function registerRegulationNotice(strapi: Core.Strapi): void {
  const now = () => coreService(strapi, 'clock').now();

  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== LEGAL_UID || isTrustedImport()) return next();
    const params = (ctx.params ?? {}) as {
      documentId?: string;
      status?: string;
      data?: Partial<LegalDocument>;
    };
    const publishing =
      ctx.action === 'publish' ||
      ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    if (!publishing) return next();

    const find = (status: 'draft' | 'published') =>
      params.documentId
        ? (strapi
            .documents(LEGAL_UID as never)
            .findOne({ documentId: params.documentId, status } as never) as Promise<LegalDocument | null>)
        : Promise.resolve(null);
    const [draft, published] = await Promise.all([find('draft'), find('published')]);
    const version = { ...(draft ?? {}), ...(params.data ?? {}) } as LegalDocument;
    if (!(REGULATION_NOTICE.kinds as readonly string[]).includes(version.kind)) return next();

    const today = vietnamDate(now());
    const unchanged = published !== null && published.effectiveFrom === version.effectiveFrom;
    if (!unchanged && String(version.effectiveFrom) < addDays(today, REGULATION_NOTICE.days)) {
      throw new errors.ValidationError(noticeMessage(today), {
        errors: [{ path: ['effectiveFrom'], message: noticeMessage(today), name: 'ValidationError' }],
      });
    }
    const result = await next();
    if (!unchanged) await noticeSellers(strapi, version, now());
    return result;
  });
}

/** One email per active seller's address, written to the outbox (sent by the every-minute job). */
async function noticeSellers(strapi: Core.Strapi, version: LegalDocument, at: Date): Promise<number> {
  const sellers = (await strapi.db.query(SELLER_UID).findMany({
    where: { publishedAt: { $notNull: true }, verificationStatus: 'verified' },
    select: ['name', 'email'],
    populate: { owner: { select: ['email', 'blocked'] } },
  })) as { name: string; email: string | null; owner?: { email: string | null; blocked: boolean } | null }[];
  const site = (strapi.config.get('plugin::core.siteUrl', '') as string).replace(/\/+$/, '');
  const outbox = coreService(strapi, 'outbox');
  const written = new Set<string>();
  for (const seller of sellers) {
    if (seller.owner?.blocked) continue;
    const to = (seller.email ?? seller.owner?.email ?? '').toLowerCase();
    if (!to || written.has(to)) continue;
    written.add(to);
    const body = [
      `Kính gửi ${seller.name},`,
      '',
      `Sàn giao dịch điện tử thông báo: ${version.title} (phiên bản ${version.version}) có hiệu lực từ ngày ${dmy(
        String(version.effectiveFrom),
      )}.`,
      '',
      `Tóm tắt thay đổi: ${version.summary?.trim() || 'xem toàn văn.'}`,
      ...(site ? ['', `Toàn văn: ${site}/van-ban/${version.slug}`] : []),
      '',
      `Theo Nghị định 52/2013/NĐ-CP (sửa đổi bởi Nghị định 85/2021/NĐ-CP), thay đổi quy chế được thông báo cho thành viên ít nhất ${REGULATION_NOTICE.days} ngày trước khi áp dụng. Quý vị tiếp tục bán hàng trên Sàn sau ngày này được xem là đồng ý với quy chế mới.`,
    ].join('\n');
    await outbox.enqueue(
      {
        to,
        subject: `Thông báo: ${version.title} có hiệu lực từ ngày ${dmy(String(version.effectiveFrom))}`,
        body,
      },
      at,
    );
  }
  return written.size;
}
