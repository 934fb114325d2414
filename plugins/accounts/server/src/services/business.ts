import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LICENCE_UID as LICENCE, SELLER_ROLE, SELLER_UID as SELLER, USER_UID } from '../constants';
import type { FileRow } from './private-files';
import { workflowApi } from '@sgd/plugin-workflow';
import { accountsService } from '../utils/get-service';

type Row = Record<string, unknown>;
/** Seller verification belongs to the Department of Industry and Trade (QC Điều 7). */
const VERIFYING_DEPARTMENT = 'SCT';
const EDITABLE = ['draft', 'supplement_requested', 'rejected'];

export interface BusinessInput {
  legalForm: string;
  name: string;
  enterpriseCode?: string | null;
  registrationDate?: string | null;
  registrationIssuer?: string | null;
  citizenId?: string | null;
  representative: string;
  phone?: string | null;
  email?: string | null;
  showPhone?: boolean;
  showEmail?: boolean;
  address: string;
  commune?: string | null;
  description?: string | null;
  isOcopProducer?: boolean;
}
export interface LicenceInput {
  type: string;
  number: string;
  issuer: string;
  issuedOn: string;
  expiresOn?: string | null;
  ocopStars?: number | null;
}
export interface UploadedFile {
  filepath: string;
  originalFilename: string | null;
  mimetype: string | null;
  size: number;
}

/**
 * "Đăng ký doanh nghiệp của bạn" (QC Điều 7, 12): a signed-in user declares their business and
 * licences; the seller verification workflow of the Sở Công Thương decides; on approval the user
 * gets the Seller role. One seller per account.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => workflowApi(strapi);
  const documents = (uid: string) => strapi.documents(uid as never);
  const privateFiles = () => accountsService(strapi, 'private-files');

  async function mine(userId: number): Promise<Row | null> {
    return (await strapi.db.query(SELLER).findOne({
      where: { owner: { id: userId }, publishedAt: null },
      populate: { licences: true, commune: true },
    })) as Row | null;
  }

  async function communeId(code: string | null | undefined): Promise<number | null> {
    if (!code) return null;
    const unit = (await strapi.db.query('plugin::core.administrative-unit').findOne({ where: { code } })) as {
      id: number;
    } | null;
    if (!unit) {
      const message = 'Không tìm thấy xã, phường đã chọn.';
      throw new errors.ValidationError(message, {
        errors: [{ path: ['commune'], message, name: 'ValidationError' }],
      });
    }
    return unit.id;
  }

  /** Gives the Seller role to the owner of a verified seller (idempotent). */
  async function grantSellerRole(sellerDocumentId: string) {
    const seller = (await strapi.db.query(SELLER).findOne({
      where: { documentId: sellerDocumentId, publishedAt: null },
      populate: { owner: { populate: { role: true } } },
    })) as { verificationStatus: string; owner: { id: number; role: { type: string } | null } | null } | null;
    if (!seller?.owner || seller.verificationStatus !== 'verified') return;
    if (seller.owner.role?.type === SELLER_ROLE) return;
    const role = (await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: SELLER_ROLE } })) as { id: number };
    await strapi.db.query(USER_UID).update({ where: { id: seller.owner.id }, data: { role: role.id } });
  }

  return {
    grantSellerRole,

    /** Called at bootstrap: approval of a seller makes its owner a seller. */
    listen() {
      workflow().onApproved(SELLER, ({ documentId }) => grantSellerRole(documentId));
    },

    /** My business as I declared it, with the review's state and its reasons (no staff notes). */
    async view(userId: number) {
      const seller = await mine(userId);
      if (!seller) return null;
      // Self-healing: an approval whose role change failed is completed here.
      if (seller.verificationStatus === 'verified') await grantSellerRole(seller.documentId as string);
      const task = await workflow().latestTask(SELLER, seller.documentId as string);
      const { owner: _owner, internalNote: _note, ...own } = seller;
      const files = await privateFiles().ofItem(SELLER, seller.documentId as string);
      // The person sees what they handed in and whether it is still kept, never the bytes.
      const fileOf = (match: (file: FileRow) => boolean) => {
        const file = files.find(match);
        return file
          ? { name: file.name, mime: file.mime, uploadedAt: file.createdAt, purgedAt: file.purgedAt }
          : null;
      };
      const licences = ((seller.licences as Row[]) ?? []).map(({ internalNote: _n, ...licence }) => ({
        ...licence,
        scan: fileOf((f) => f.kind === 'licence_scan' && f.licenceDocumentId === licence.documentId),
      }));
      return {
        seller: {
          ...own,
          licences,
          commune: (seller.commune as Row | null)?.code ?? null,
          citizenIdScan: fileOf((f) => f.kind === 'citizen_id_scan'),
        },
        review: task
          ? {
              state: task.state,
              submittedAt: task.submittedAt,
              closedAt: task.closedAt,
              history: await workflowApi(strapi).history(task, false),
            }
          : null,
        publicUrl: seller.verificationStatus === 'verified' ? `/doanh-nghiep/${seller.slug as string}` : null,
      };
    },

    /**
     * Creates the seller (and its licences with their scans, and the citizen-ID scan if given) and
     * submits it for verification.
     */
    async declare(
      userId: number,
      input: BusinessInput,
      licences: LicenceInput[],
      scans: (UploadedFile | null)[],
      citizenIdScan: UploadedFile | null = null,
    ) {
      if (await mine(userId)) {
        throw new errors.ApplicationError(
          'Tài khoản này đã đăng ký một doanh nghiệp. Mỗi tài khoản đứng tên một doanh nghiệp; hãy sửa hồ sơ đã có.',
        );
      }
      const user = (await strapi.db.query(USER_UID).findOne({ where: { id: userId } })) as Row;
      const department = (await strapi.db
        .query('plugin::core.department')
        .findOne({ where: { code: VERIFYING_DEPARTMENT } })) as { id: number };
      const { commune, ...fields } = input;
      const seller = (await documents(SELLER).create({
        data: {
          ...fields,
          email: fields.email ?? (user.email as string | null) ?? null,
          commune: await communeId(commune),
          owner: userId,
          department: department.id,
          verificationStatus: 'draft',
        },
      } as never)) as unknown as Row;
      try {
        const sellerDocumentId = seller.documentId as string;
        if (citizenIdScan) {
          await privateFiles().save(
            citizenIdScan,
            { kind: 'citizen_id_scan', sellerDocumentId, ownerId: userId },
            'citizenIdScan',
          );
        }
        for (const [index, licence] of licences.entries()) {
          const created = (await documents(LICENCE).create({
            data: {
              ...licence,
              seller: sellerDocumentId,
              department: department.id,
              verificationStatus: 'draft',
            },
          } as never)) as unknown as Row;
          const scan = scans[index];
          if (scan) {
            await privateFiles().save(
              scan,
              {
                kind: 'licence_scan',
                sellerDocumentId,
                licenceDocumentId: created.documentId as string,
                ownerId: userId,
              },
              `licences.${index}.scan`,
            );
          }
        }
      } catch (error) {
        // Nothing half-made stays behind: the person fixes the licence and sends the form again.
        await privateFiles().removeOf(SELLER, seller.documentId as string);
        for (const row of (await strapi.db
          .query(LICENCE)
          .findMany({ where: { seller: { documentId: seller.documentId } } })) as Row[]) {
          await documents(LICENCE).delete({ documentId: row.documentId as string } as never);
        }
        await documents(SELLER).delete({ documentId: seller.documentId as string } as never);
        throw error;
      }
      const doer = { userId, name: (user.fullName as string | null) ?? null };
      await workflow().submit(SELLER, seller.documentId as string, doer);
      for (const row of (await strapi.db
        .query(LICENCE)
        .findMany({ where: { seller: { documentId: seller.documentId }, publishedAt: null } })) as Row[]) {
        await workflow().submit(LICENCE, row.documentId as string, doer);
      }
      return this.view(userId);
    },

    /** Fixes the declaration after a request for supplement or a rejection, and sends it again. */
    async revise(userId: number, input: Partial<BusinessInput>, citizenIdScan: UploadedFile | null = null) {
      const seller = await mine(userId);
      if (!seller) throw new errors.NotFoundError('Bạn chưa đăng ký doanh nghiệp.');
      if (!EDITABLE.includes(seller.verificationStatus as string)) {
        throw new errors.ApplicationError(
          seller.verificationStatus === 'pending'
            ? 'Hồ sơ đang được xem xét, chưa sửa được lúc này.'
            : 'Doanh nghiệp đã được xác thực; thay đổi thông tin qua đề nghị chỉnh sửa.',
        );
      }
      const { commune, ...fields } = input;
      if (citizenIdScan) {
        await privateFiles().replaceCitizenIdScan(
          citizenIdScan,
          seller.documentId as string,
          userId,
          'citizenIdScan',
        );
      }
      await documents(SELLER).update({
        documentId: seller.documentId as string,
        data: { ...fields, ...(commune !== undefined ? { commune: await communeId(commune) } : {}) },
      } as never);
      const user = (await strapi.db.query(USER_UID).findOne({ where: { id: userId } })) as Row;
      await workflow().submit(SELLER, seller.documentId as string, {
        userId,
        name: (user.fullName as string | null) ?? null,
      });
      return this.view(userId);
    },
  };
};
