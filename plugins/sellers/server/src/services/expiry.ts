import type { Core } from '@strapi/strapi';
import { licenceTypes } from '@sgd/config';
import { coreService, type OutgoingEmail } from '@sgd/plugin-core';
import { EXPIRY_NOTICES, UID } from '../constants';
import { addDays, todayInVietnam } from '../presenters';

interface LicenceRow {
  id: number;
  documentId: string;
  type: string;
  number: string;
  issuer: string;
  expiresOn: string;
  expiryNotice60For: string | null;
  expiryNotice30For: string | null;
  seller?: {
    name: string;
    email: string | null;
    verificationStatus: string;
    owner?: { email: string | null } | null;
  } | null;
}

export interface ExpiringLicence {
  documentId: string;
  type: string;
  typeName: string;
  number: string;
  issuer: string;
  expiresOn: string;
  daysLeft: number;
  ocopStars: number | null;
  notified: { days60: boolean; days30: boolean };
  seller: { documentId: string; name: string; slug: string; phone: string | null; email: string | null };
  department: { id: number; name: string } | null;
}

export interface CommuneGroup {
  commune: { code: string; name: string } | null;
  count: number;
  licences: ExpiringLicence[];
}

const BATCH = 200;
/** The staff list shows at most this many licences (narrow it by commune or days beyond). */
export const EXPIRING_LIST_LIMIT = 2000;

const dayMs = 24 * 3600 * 1000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
const vietnameseDate = (iso: string) => iso.split('-').reverse().join('/');
const typeName = (code: string) => licenceTypes.find((t) => t.code === code)?.name ?? code;

/**
 * Licence expiry (the daily job): emails the seller 60 and 30 days before a verified licence
 * expires, and marks it expired on the first day it is no longer valid (a licence is valid through
 * its expiry date). Every step is a conditional update on the published row, so two instances
 * running the job at once send each email once; the email goes through the outbox in
 * the same transaction as the mark.
 */
const expiryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const licences = () => strapi.db.query(UID.licence);
  const outbox = () => coreService(strapi, 'outbox');
  const siteUrl = () => String(strapi.config.get('plugin::core.siteUrl', '') ?? '').replace(/\/+$/, '');

  function noticeEmail(row: LicenceRow, to: string, today: string): OutgoingEmail {
    const left = daysBetween(today, row.expiresOn);
    const site = siteUrl();
    return {
      to,
      subject: `Giấy phép số ${row.number} sắp hết hạn (còn ${left} ngày)`,
      body:
        `Kính gửi ${row.seller?.name ?? 'quý chủ thể'},\n\n` +
        `${typeName(row.type)} số ${row.number} do ${row.issuer} cấp sẽ hết hạn vào ngày ` +
        `${vietnameseDate(row.expiresOn)} (còn ${left} ngày).\n\n` +
        'Sau ngày này, Sàn hiển thị giấy phép là "Hết hạn" và sản phẩm không còn được tìm thấy theo loại ' +
        'giấy phép hay hạng sao OCOP này. Đề nghị quý chủ thể làm thủ tục gia hạn với cơ quan cấp và ' +
        'cập nhật giấy phép mới tại mục "Giấy phép, chứng nhận" trong trang tài khoản' +
        (site ? ` (${site}/tai-khoan/giay-phep)` : '') +
        ' để cán bộ xác thực lại.\n\nSàn giao dịch điện tử',
    };
  }

  /** Sends one kind of notice (60 or 30 days) for every licence now inside its window. */
  async function sendNotices(
    notice: (typeof EXPIRY_NOTICES)[number],
    after: number,
    today: string,
    now: Date,
  ): Promise<number> {
    let sent = 0;
    let lastId = 0;
    for (;;) {
      const rows = (await licences().findMany({
        where: {
          id: { $gt: lastId },
          publishedAt: { $notNull: true },
          verificationStatus: 'verified',
          expiresOn: { $gt: addDays(today, after), $lte: addDays(today, notice.days) },
        },
        select: ['id', 'documentId', 'type', 'number', 'issuer', 'expiresOn', notice.field],
        populate: {
          seller: {
            select: ['name', 'email', 'verificationStatus'],
            populate: { owner: { select: ['email'] } },
          },
        },
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as LicenceRow[];
      for (const row of rows) {
        if (row[notice.field] === row.expiresOn) continue;
        if (row.seller?.verificationStatus !== 'verified') continue;
        const to = row.seller.email || row.seller.owner?.email || null;
        const claimed = await strapi.db.transaction(async () => {
          const { count } = await licences().updateMany({
            where: { id: row.id, expiresOn: row.expiresOn, [notice.field]: row[notice.field] },
            data: { [notice.field]: row.expiresOn },
          });
          if (count !== 1) return false;
          // The draft keeps the mark too, so publishing an edit does not send the notice again.
          await licences().updateMany({
            where: { documentId: row.documentId, publishedAt: null, expiresOn: row.expiresOn },
            data: { [notice.field]: row.expiresOn },
          });
          if (to) await outbox().enqueue(noticeEmail(row, to, today), now);
          return true;
        });
        if (!claimed) continue;
        if (to) sent += 1;
        else strapi.log.warn(`Giấy phép ${row.number} sắp hết hạn nhưng chủ thể không có email để báo.`);
      }
      if (rows.length < BATCH) return sent;
      lastId = rows[rows.length - 1].id;
    }
  }

  return {
    /** One run of the daily job at `now`. */
    async run(now: Date): Promise<{ notices60: number; notices30: number; expired: number }> {
      const today = todayInVietnam(now);
      const [sixty, thirty] = EXPIRY_NOTICES;
      // Latest first: a licence first seen inside 30 days gets only the 30-day notice.
      const notices30 = await sendNotices(thirty, -1, today, now);
      const notices60 = await sendNotices(sixty, thirty.days, today, now);
      const { count: expired } = await licences().updateMany({
        where: { publishedAt: { $notNull: true }, expiredAt: null, expiresOn: { $lt: today } },
        data: { expiredAt: now },
      });
      // Pages kept by the public site show the new validity badges and OCOP stars.
      if (expired > 0) {
        strapi.eventHub.emit('entry.update', { uid: UID.licence, entry: { publishedAt: now } });
      }
      return { notices60, notices30, expired };
    },

    /**
     * Verified licences of verified sellers expiring within `days` days from today, by the seller's
     * commune, for the departments in `scope` (the licence's department, or its seller's when the
     * licence has none); `null` is every department.
     */
    async expiring(
      now: Date,
      options: { days: number; scope: number[] | null; departmentId?: number; commune?: string },
    ): Promise<{
      data: CommuneGroup[];
      meta: { today: string; until: string; total: number; truncated: boolean };
    }> {
      const today = todayInVietnam(now);
      const until = addDays(today, options.days);
      const departments =
        options.departmentId !== undefined
          ? options.scope && !options.scope.includes(options.departmentId)
            ? []
            : [options.departmentId]
          : options.scope;
      const inDepartments = departments
        ? {
            $or: [
              { department: { id: { $in: departments } } },
              { department: { id: { $null: true } }, seller: { department: { id: { $in: departments } } } },
            ],
          }
        : {};
      const where = {
        publishedAt: { $notNull: true },
        verificationStatus: 'verified',
        expiresOn: { $gte: today, $lte: until },
        seller: {
          publishedAt: { $notNull: true },
          verificationStatus: 'verified',
          ...(options.commune ? { commune: { code: options.commune } } : {}),
        },
        ...inDepartments,
      };
      const total = departments && departments.length === 0 ? 0 : await licences().count({ where });
      const rows = (
        total === 0
          ? []
          : await licences().findMany({
              where,
              select: [
                'documentId',
                'type',
                'number',
                'issuer',
                'expiresOn',
                'ocopStars',
                'expiryNotice60For',
                'expiryNotice30For',
              ],
              populate: {
                department: { select: ['id', 'name'] },
                seller: {
                  select: ['documentId', 'name', 'slug', 'phone', 'email'],
                  populate: { commune: { select: ['code', 'name'] } },
                },
              },
              orderBy: [{ expiresOn: 'asc' }, { id: 'asc' }],
              limit: EXPIRING_LIST_LIMIT,
            })
      ) as (LicenceRow & {
        ocopStars: number | null;
        department: { id: number; name: string } | null;
        seller: {
          documentId: string;
          name: string;
          slug: string;
          phone: string | null;
          email: string | null;
          commune: { code: string; name: string } | null;
        };
      })[];
      const groups = new Map<string, CommuneGroup>();
      for (const row of rows) {
        const commune = row.seller.commune
          ? { code: row.seller.commune.code, name: row.seller.commune.name }
          : null;
        const key = commune?.code ?? '';
        const group = groups.get(key) ?? { commune, count: 0, licences: [] };
        group.count += 1;
        group.licences.push({
          documentId: row.documentId,
          type: row.type,
          typeName: typeName(row.type),
          number: row.number,
          issuer: row.issuer,
          expiresOn: row.expiresOn,
          daysLeft: daysBetween(today, row.expiresOn),
          ocopStars: row.ocopStars ?? null,
          notified: {
            days60: row.expiryNotice60For === row.expiresOn,
            days30: row.expiryNotice30For === row.expiresOn,
          },
          seller: {
            documentId: row.seller.documentId,
            name: row.seller.name,
            slug: row.seller.slug,
            phone: row.seller.phone,
            email: row.seller.email,
          },
          department: row.department ? { id: row.department.id, name: row.department.name } : null,
        });
        groups.set(key, group);
      }
      // Communes by name (Vietnamese order), sellers without a commune last.
      const data = [...groups.values()].sort((a, b) =>
        a.commune && b.commune ? a.commune.name.localeCompare(b.commune.name, 'vi') : a.commune ? -1 : 1,
      );
      return { data, meta: { today, until, total, truncated: total > rows.length } };
    },
  };
};

export default expiryService;
