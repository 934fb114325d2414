import type { Core } from '@strapi/strapi';
import { WORKFLOW_BINDINGS, type WorkflowBinding } from '@sgd/config';
import { DEPARTMENT_UID } from '../constants';
import { firstOf, populateFor, readPath } from '../engine/paths';
import { fail, notFound } from '../utils/errors';

type Row = Record<string, unknown>;

/** A document under review as the engine reads it: its draft, binding, department and people. */
export interface Target {
  row: Row;
  binding: WorkflowBinding;
  title: string;
  departmentId: number | null;
  ownerId: number | null;
  email: string | null;
  name: string | null;
  hasPublished: boolean;
}

const DEFAULT_DEPARTMENT = 'SCT';

/** How the engine reads and writes the documents of the content types it drives. */
const targetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const binding = (uid: string): WorkflowBinding | null =>
    strapi.contentType(uid as never) ? (WORKFLOW_BINDINGS[uid] ?? null) : null;

  return {
    binding,

    /** Content types the engine can drive (a binding exists and the type is installed). */
    boundTypes: (): string[] => Object.keys(WORKFLOW_BINDINGS).filter((uid) => binding(uid)),

    async load(uid: string, documentId: string): Promise<Target> {
      const found = binding(uid);
      if (!found) fail(400, 'Loại nội dung này không dùng quy trình duyệt.');
      const departmentPaths = found.departmentFrom.map((p) => `${p}.id`);
      const ownerPath = `${found.ownerPath}.id`;
      const sellerStatus = found.ownerPath.startsWith('seller.') ? ['seller.verificationStatus'] : [];
      const populate = populateFor([
        ...departmentPaths,
        ownerPath,
        ...found.emailFrom,
        ...found.nameFrom,
        ...sellerStatus,
      ]);
      const row = (await strapi.db.query(uid as never).findOne({
        where: { documentId, publishedAt: null },
        populate,
      })) as Row | null;
      if (!row) throw notFound();
      const published = await strapi.db
        .query(uid as never)
        .count({ where: { documentId, publishedAt: { $notNull: true } } });
      let departmentId = (firstOf(row, departmentPaths) as number | undefined) ?? null;
      if (departmentId === null) {
        const fallback = (await strapi.db
          .query(DEPARTMENT_UID)
          .findOne({ where: { code: DEFAULT_DEPARTMENT }, select: ['id'] })) as { id: number } | null;
        departmentId = fallback?.id ?? null;
      }
      return {
        row,
        binding: found,
        title: String(row[found.titleField] ?? documentId),
        departmentId,
        ownerId: (readPath(row, ownerPath) as number | undefined) ?? null,
        email: (firstOf(row, found.emailFrom) as string | undefined) ?? null,
        name: (firstOf(row, found.nameFrom) as string | undefined) ?? null,
        hasPublished: published > 0,
      };
    },

    /** Sets the content's own status field on its draft, and on its published version when asked. */
    async setStatus(uid: string, documentId: string, value: string, extra: Row = {}, published = false) {
      const found = binding(uid);
      if (!found) fail(400, 'Loại nội dung này không dùng quy trình duyệt.');
      const where = published ? { documentId } : { documentId, publishedAt: null };
      const { department, ...columns } = extra;
      await strapi.db.query(uid as never).updateMany({
        where,
        data: { [found.statusField]: value, ...columns },
      });
      // A bulk update writes columns only: the department is a relation, set row by row, so the
      // "belongs to my department" condition of the content manager finds the item.
      if (department !== undefined) {
        for (const row of (await strapi.db.query(uid as never).findMany({ where, select: ['id'] })) as {
          id: number;
        }[]) {
          await strapi.db.query(uid as never).update({ where: { id: row.id }, data: { department } });
        }
      }
    },
  };
};

export default targetsService;
