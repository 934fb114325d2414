import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from './constants';

interface Allowance {
  /** `uid|documentId` the engine is publishing now, after a final approval. */
  documents: Set<string>;
  /** Importing records that were approved elsewhere (demo data, a migration). */
  trusted: boolean;
}

// One store per process, even if the package is loaded twice (Jest module registries).
const KEY = Symbol.for('sgd.workflow.publish-allowance');
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<Allowance> | undefined>;
const storage: AsyncLocalStorage<Allowance> = (holder[KEY] ??= new AsyncLocalStorage<Allowance>());

const keyOf = (uid: string, documentId: string) => `${uid}|${documentId}`;

/** Runs `work` with permission to publish one approved document. Used by the engine only. */
export function publishApproved<T>(uid: string, documentId: string, work: () => Promise<T>): Promise<T> {
  const current = storage.getStore();
  const documents = new Set(current?.documents ?? []);
  documents.add(keyOf(uid, documentId));
  return storage.run({ documents, trusted: current?.trusted ?? false }, work);
}

/**
 * Runs `work` as a trusted import of records already approved outside this exchange (the demo seed,
 * a migration from the previous system): publishing is allowed and the caller answers for it.
 */
export function trustedImport<T>(work: () => Promise<T>): Promise<T> {
  return storage.run({ documents: new Set(), trusted: true }, work);
}

/** Whether the code running now is a trusted import (rules about publishing dates do not apply). */
export const isTrustedImport = (): boolean => storage.getStore()?.trusted === true;

const REFUSED =
  'Chỉ được công bố nội dung sau khi quy trình kiểm duyệt đã duyệt đúng phiên bản này. Hãy nộp hồ sơ để cán bộ xử lý.';

/**
 * A Document Service middleware: publishing a document of a content type under a workflow (through
 * REST, the admin or code; `publish`, or `create`/`update` with `status: 'published'`) is refused
 * unless the engine is publishing it after the final approval, or the latest submission was approved
 * and the draft has not changed since.
 */
export function registerPublishGuard(strapi: Core.Strapi, isGuarded: (uid: string) => boolean): void {
  strapi.documents.use(async (ctx, next) => {
    if (!isGuarded(ctx.uid)) return next();
    const params = (ctx.params ?? {}) as { documentId?: string; status?: string };
    const publishing =
      ctx.action === 'publish' ||
      ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    if (!publishing) return next();

    const allowance = storage.getStore();
    if (allowance?.trusted) return next();
    const documentId = params.documentId;
    if (documentId && allowance?.documents.has(keyOf(ctx.uid, documentId))) return next();
    if (ctx.action !== 'create' && documentId && (await approvedAndUnchanged(strapi, ctx.uid, documentId))) {
      return next();
    }
    // A PolicyError keeps its message through Strapi's authorisation step (a plain ForbiddenError does not).
    throw new errors.PolicyError(REFUSED);
  });
}

async function approvedAndUnchanged(strapi: Core.Strapi, uid: string, documentId: string): Promise<boolean> {
  const task = (await strapi.db.query(UID.task).findOne({
    where: { targetUid: uid, targetDocumentId: documentId },
    orderBy: { id: 'desc' },
    select: ['state', 'approvedVersion'],
  })) as { state: string; approvedVersion: string | null } | null;
  if (!task || task.state !== 'approved' || !task.approvedVersion) return false;
  const draft = (await strapi.db.query(uid as never).findOne({
    where: { documentId, publishedAt: null },
    select: ['updatedAt'],
  })) as { updatedAt: string | Date } | null;
  if (!draft) return false;
  return new Date(draft.updatedAt).getTime() <= new Date(task.approvedVersion).getTime();
}
