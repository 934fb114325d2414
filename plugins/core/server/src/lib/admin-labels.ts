import type { Core } from '@strapi/strapi';

/** Vietnamese labels of one content type's fields in the admin. */
export type FieldLabels = Record<string, string>;

interface Metadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}

interface ContentManagerTypes {
  findConfiguration(ct: {
    uid: string;
  }): Promise<{ metadatas?: Record<string, Metadata> } & Record<string, unknown>>;
  updateConfiguration(ct: { uid: string }, configuration: Record<string, unknown>): Promise<unknown>;
}

/**
 * Writes Vietnamese field labels into the content manager's stored layout.
 * Runs at every bootstrap, after the content manager synced its layouts, so
 * new fields get their labels too; other layout choices made in the admin stay.
 */
export async function applyAdminLabels(
  strapi: Core.Strapi,
  labels: Record<string, FieldLabels>,
): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ContentManagerTypes;
  for (const [uid, fields] of Object.entries(labels)) {
    if (!strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) continue;
    const configuration = await service.findConfiguration({ uid });
    const metadatas = { ...(configuration.metadatas ?? {}) };
    for (const [field, label] of Object.entries(fields)) {
      const current = metadatas[field] ?? {};
      metadatas[field] = {
        ...current,
        edit: { ...current.edit, label },
        list: { ...current.list, label },
      };
    }
    const { settings, layouts } = configuration as { settings?: unknown; layouts?: unknown };
    await service.updateConfiguration({ uid }, { settings, layouts, metadatas });
  }
}
