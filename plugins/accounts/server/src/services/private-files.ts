import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { recordAudit } from '@sgd/plugin-core';
import type { PrivateFileKind } from '@sgd/config';
import { LICENCE_UID, PRIVATE_FILE_MAX_BYTES, SELLER_UID, UID } from '../constants';
import { SNIFF_BYTES, sniffScanType } from '../lib/file-type';
import type { UploadedFile } from './business';

type Row = Record<string, unknown>;
export interface FileRow {
  id: number;
  kind: PrivateFileKind;
  name: string;
  mime: string;
  size: number;
  storageKey: string;
  sellerDocumentId: string;
  licenceDocumentId: string | null;
  ownerId: number;
  purgedAt: string | null;
  createdAt: string;
}
export interface Officer {
  id: number;
  superAdmin: boolean;
  departmentIds: number[];
}
interface Settings {
  privateFilesDir: string;
  citizenIdScanRetentionDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const invalid = (field: string, message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: field.split('.'), message, name: 'ValidationError' }],
  });

/** A file name safe to show and to send back in Content-Disposition. */
function displayName(original: string | null, extension: string): string {
  const base = [...path.basename(original ?? '')]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && !'"\\/'.includes(char))
    .join('')
    .trim()
    .slice(0, 200);
  return base || `ban-chup.${extension}`;
}

/**
 * Private files (QC Điều 7, 12; Law 91/2025): licence and citizen-ID scans are stored outside the
 * public folder under random names, checked by their real content type, served only to the staff of
 * the department that verifies the item, and citizen-ID scans are erased a set number of days after
 * the seller is verified.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('plugin::accounts') as Settings;
  const folder = () => settings().privateFilesDir || path.join(strapi.dirs.app.root, 'data', 'private');
  const rows = () => strapi.db.query(UID.privateFile);
  const pathOf = (row: Pick<FileRow, 'storageKey'>) => path.join(folder(), row.storageKey);

  async function erase(row: Pick<FileRow, 'storageKey'>) {
    await fs.promises.rm(pathOf(row), { force: true });
  }

  /** The department that verifies the file's item (its licence, else its seller). */
  async function departmentOf(row: FileRow): Promise<number | null> {
    const [uid, documentId] = row.licenceDocumentId
      ? [LICENCE_UID, row.licenceDocumentId]
      : [SELLER_UID, row.sellerDocumentId];
    const item = (await strapi.db.query(uid).findOne({
      where: { documentId, publishedAt: null },
      populate: { department: { select: ['id'] } },
    })) as { department: { id: number } | null } | null;
    return item?.department?.id ?? null;
  }

  const inScope = (officer: Officer, departmentId: number | null) =>
    officer.superAdmin || (departmentId !== null && officer.departmentIds.includes(departmentId));

  const present = (row: FileRow) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    mime: row.mime,
    size: row.size,
    uploadedAt: row.createdAt,
    purgedAt: row.purgedAt,
  });

  return {
    present,

    /**
     * Keeps an uploaded scan. `field` names the form field in error messages. Refuses anything that
     * is not really a PDF, JPEG, PNG or WebP, whatever its name or declared type says.
     */
    async save(
      file: UploadedFile,
      owner: {
        kind: PrivateFileKind;
        sellerDocumentId: string;
        licenceDocumentId?: string | null;
        ownerId: number;
      },
      field: string,
    ): Promise<FileRow> {
      if (file.size > PRIVATE_FILE_MAX_BYTES) {
        throw invalid(field, `Tệp quá lớn: tối đa ${PRIVATE_FILE_MAX_BYTES / 1024 / 1024} MB.`);
      }
      const head = Buffer.alloc(SNIFF_BYTES);
      const handle = await fs.promises.open(file.filepath, 'r');
      const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0).finally(() => handle.close());
      const type = sniffScanType(head.subarray(0, bytesRead));
      if (!type) throw invalid(field, 'Bản chụp phải là tệp PDF, JPG, PNG hoặc WebP.');

      await fs.promises.mkdir(folder(), { recursive: true, mode: 0o700 });
      const storageKey = crypto.randomBytes(16).toString('hex');
      const target = path.join(folder(), storageKey);
      const hash = crypto.createHash('sha256');
      await pipeline(
        fs.createReadStream(file.filepath),
        async function* (source) {
          for await (const chunk of source) {
            hash.update(chunk as Buffer);
            yield chunk;
          }
        },
        fs.createWriteStream(target, { mode: 0o600 }),
      );
      try {
        return (await rows().create({
          data: {
            kind: owner.kind,
            name: displayName(file.originalFilename, type.extension),
            mime: type.mime,
            size: file.size,
            sha256: hash.digest('hex'),
            storageKey,
            sellerDocumentId: owner.sellerDocumentId,
            licenceDocumentId: owner.licenceDocumentId ?? null,
            ownerId: owner.ownerId,
          },
        })) as FileRow;
      } catch (error) {
        await erase({ storageKey });
        throw error;
      }
    },

    /** The files of a seller (its citizen-ID scan and its licences' scans) or of one licence. */
    async ofItem(uid: string, documentId: string): Promise<FileRow[]> {
      const where =
        uid === LICENCE_UID ? { licenceDocumentId: documentId } : { sellerDocumentId: documentId };
      return (await rows().findMany({ where, orderBy: { id: 'asc' } })) as FileRow[];
    },

    /** What an officer may see of an item's files: only when the item is in their departments. */
    async forOfficer(officer: Officer, uid: string, documentId: string) {
      if (uid !== SELLER_UID && uid !== LICENCE_UID) return [];
      const visible: FileRow[] = [];
      for (const row of await this.ofItem(uid, documentId)) {
        if (inScope(officer, await departmentOf(row))) visible.push(row);
      }
      return visible.map(present);
    },

    /** Opens a file for an officer of the verifying department; anyone else is told it does not exist. */
    async open(officer: Officer, id: number) {
      const row = (await rows().findOne({ where: { id } })) as FileRow | null;
      if (!row || !inScope(officer, await departmentOf(row))) {
        throw new errors.NotFoundError('Không tìm thấy tệp.');
      }
      if (row.purgedAt) throw new errors.NotFoundError('Tệp đã được xóa khi hết thời hạn lưu trữ.');
      await recordAudit(strapi, {
        action: 'private_file.open',
        actorId: officer.id,
        target: `private-file:${row.id}`,
        details: { kind: row.kind, sellerDocumentId: row.sellerDocumentId },
      });
      return { file: present(row), stream: fs.createReadStream(pathOf(row)) };
    },

    /** Deletes an item's files, bytes and rows (an abandoned or deleted declaration). */
    async removeOf(uid: string, documentId: string) {
      for (const row of await this.ofItem(uid, documentId)) {
        await rows().delete({ where: { id: row.id } });
        await erase(row);
      }
    },

    /** Replaces a seller's citizen-ID scan: the previous one is deleted. */
    async replaceCitizenIdScan(file: UploadedFile, sellerDocumentId: string, ownerId: number, field: string) {
      const previous = (await rows().findMany({
        where: { sellerDocumentId, kind: 'citizen_id_scan' },
      })) as FileRow[];
      const saved = await this.save(file, { kind: 'citizen_id_scan', sellerDocumentId, ownerId }, field);
      for (const row of previous) {
        await rows().delete({ where: { id: row.id } });
        await erase(row);
      }
      return saved;
    },

    /**
     * Erases citizen-ID scans of sellers verified more than the retention period ago (and of sellers
     * that no longer exist). Each file is claimed by a conditional update first, so several CMS
     * instances running the job erase each file once.
     */
    async purgeCitizenIdScans(now: Date): Promise<number> {
      const cutoff = new Date(now.getTime() - settings().citizenIdScanRetentionDays * DAY_MS);
      const waiting = (await rows().findMany({
        where: { kind: 'citizen_id_scan', purgedAt: null },
        select: ['id', 'storageKey', 'sellerDocumentId'],
      })) as FileRow[];
      if (waiting.length === 0) return 0;
      const sellers = (await strapi.db.query(SELLER_UID).findMany({
        where: {
          documentId: { $in: [...new Set(waiting.map((r) => r.sellerDocumentId))] },
          publishedAt: null,
        },
        select: ['documentId', 'verifiedAt'],
      })) as Row[];
      const verifiedAt = new Map(sellers.map((s) => [s.documentId as string, s.verifiedAt as string | null]));
      let erased = 0;
      for (const row of waiting) {
        const exists = verifiedAt.has(row.sellerDocumentId);
        const at = verifiedAt.get(row.sellerDocumentId);
        if (exists && (!at || new Date(at) > cutoff)) continue;
        const claimed = await rows().updateMany({
          where: { id: row.id, purgedAt: null },
          data: { purgedAt: now },
        });
        if (claimed.count !== 1) continue;
        await erase(row);
        erased += 1;
      }
      if (erased > 0) strapi.log.info(`[tệp riêng tư] đã xóa ${erased} bản chụp CCCD hết thời hạn lưu trữ`);
      return erased;
    },
  };
};
