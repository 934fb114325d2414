import type { Core } from '@strapi/strapi';
import { accountsService } from './utils/get-service';

type Row = Record<string, unknown>;
const FILE = 'plugin::upload.file';
const READS = new Set([
  'findOne',
  'findFirst',
  'findMany',
  'create',
  'update',
  'publish',
  'unpublish',
  'discardDraft',
]);

const media = (strapi: Core.Strapi) => accountsService(strapi, 'media');

/** Whether the running request is the admin's (a staff session), where files are shown signed. */
const inAdmin = (strapi: Core.Strapi) =>
  (strapi.requestContext.get() as { state?: { auth?: { strategy?: { name?: string } } } } | undefined)?.state
    ?.auth?.strategy?.name === 'admin';

const mediaFieldsOf = (strapi: Core.Strapi, uid: string) =>
  Object.entries(
    (strapi.getModel(uid as never) as { attributes: Record<string, { type?: string }> }).attributes,
  )
    .filter(([, attribute]) => attribute.type === 'media')
    .map(([name]) => name);

/**
 * Wires the rules of `services/media.ts` (issue 19.6): addresses signed for staff in the admin
 * (the content manager through the Document Service, the media library through the upload
 * plugin's file service), files given the department of what they belong to. Uploads kept on the
 * server's disk only: a bucket (S3_BUCKET) serves its files itself.
 */
export function registerMediaAccess(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [FILE],
    async beforeCreate(event: { params: { data?: Row } }) {
      const data = event.params.data ?? {};
      const creator = typeof data.createdBy === 'number' ? data.createdBy : null;
      if (data.department === undefined && creator !== null) {
        const department = await media(strapi).departmentOfStaff(creator);
        if (department !== null) event.params.data = { ...data, department };
      }
    },
  });
  // An item gets its department when it is submitted: its files get it too.
  const withFiles = Object.keys(strapi.contentTypes).filter(
    (uid) =>
      mediaFieldsOf(strapi, uid).length > 0 &&
      Object.hasOwn((strapi.getModel(uid as never) as { attributes: Row }).attributes, 'department'),
  );
  const tagFiles = async (event: { model: { uid: string }; result?: Row | null }) => {
    const id = event.result?.id;
    if (id === undefined) return;
    const row = (await strapi.db.query(event.model.uid as never).findOne({
      where: { id },
      populate: Object.fromEntries(
        mediaFieldsOf(strapi, event.model.uid).map((f) => [f, { select: ['id'] }]),
      ),
    })) as Row | null;
    const ids = mediaFieldsOf(strapi, event.model.uid).flatMap((field) => {
      const value = row?.[field] as { id: number } | { id: number }[] | null | undefined;
      return (Array.isArray(value) ? value : value ? [value] : []).map((file) => file.id);
    });
    await media(strapi).tag(ids, event.model.uid, id);
  };
  strapi.db.lifecycles.subscribe({ models: withFiles, afterCreate: tagFiles, afterUpdate: tagFiles });

  if ((strapi.config.get('plugin::upload') as { provider?: string }).provider !== 'local') return;

  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (!READS.has(ctx.action) || !inAdmin(strapi) || !result || typeof result !== 'object') return result;
    const fields = mediaFieldsOf(strapi, ctx.uid);
    if (fields.length === 0) return result;
    const sign = (entry: unknown) => {
      if (!entry || typeof entry !== 'object') return entry;
      const out: Row = { ...(entry as Row) };
      for (const field of fields) {
        const value = out[field];
        if (Array.isArray(value)) out[field] = value.map((file) => media(strapi).signFile(file as Row));
        else if (value && typeof value === 'object') out[field] = media(strapi).signFile(value as Row);
      }
      return out;
    };
    if (Array.isArray(result)) return result.map(sign) as typeof result;
    if ('entries' in result && Array.isArray(result.entries))
      return { ...result, entries: result.entries.map(sign) } as typeof result;
    return sign(result) as typeof result;
  });

  strapi
    .get('services')
    .extend('plugin::upload.file', (service: { signFileUrls(file: Row): Promise<Row> }) => ({
      ...service,
      async signFileUrls(file: Row) {
        const signed = await service.signFileUrls(file);
        return inAdmin(strapi) ? media(strapi).signFile(signed) : signed;
      },
    }));
}
