import type { Core } from '@strapi/strapi';

/** How one field reads in the admin: its label, and where a person needs them a description and a placeholder. */
export interface FieldView {
  label: string;
  description?: string;
  placeholder?: string;
  /** Hidden from the edit view (an internal key, a link to a private account). */
  hidden?: boolean;
}

/** How one content type reads in the admin's content manager. */
export interface AdminView {
  /** Every field: a label alone, or a label with a description and a placeholder. */
  fields: Record<string, string | FieldView>;
  /** The columns of the list view, in order. */
  list?: readonly string[];
  /** The field that names an item: shown for it in lists, relation pickers and the edit view's title. */
  mainField?: string;
  /** The list's default order. */
  sort?: { field: string; order: 'ASC' | 'DESC' };
}

export type AdminViews = Record<string, AdminView>;

interface Metadata {
  edit?: { label?: string; mainField?: string } & Record<string, unknown>;
  list?: Record<string, unknown>;
}

/** A content type's configuration in the content manager: its labels, main fields and layouts. */
export interface ContentManagerConfiguration {
  settings?: { mainField?: string } & Record<string, unknown>;
  layouts?: { list?: string[]; edit?: unknown };
  metadatas?: Record<string, Metadata>;
}

interface ContentManagerTypes {
  findConfiguration(ct: { uid: string }): Promise<ContentManagerConfiguration>;
  updateConfiguration(ct: { uid: string }, configuration: ContentManagerConfiguration): Promise<unknown>;
}

const contentManagerTypes = (strapi: Core.Strapi) =>
  strapi.plugin('content-manager').service('content-types') as unknown as ContentManagerTypes;

/** The content manager's stored configuration of a content type (as the admin shows it). */
export function contentManagerConfiguration(
  strapi: Core.Strapi,
  uid: string,
): Promise<ContentManagerConfiguration> {
  return contentManagerTypes(strapi).findConfiguration({ uid });
}

type Attribute = { type: string; target?: string; private?: boolean };

const registered = new WeakMap<Core.Strapi, AdminViews>();

/**
 * Declares how a plugin's content types read in the admin; called from a plugin's `register`. The core
 * plugin writes them all into the content manager's configuration at its bootstrap.
 */
export function registerAdminViews(strapi: Core.Strapi, views: AdminViews): void {
  registered.set(strapi, { ...(registered.get(strapi) ?? {}), ...views });
}

const addedFields = new WeakMap<Core.Strapi, Record<string, AdminView['fields']>>();

/**
 * Labels of fields a plugin adds to another's content type (the workflow's status attribute, an
 * inverse relation): used where the type's own view does not name the field.
 */
export function registerFieldLabels(strapi: Core.Strapi, uid: string, fields: AdminView['fields']): void {
  const all = addedFields.get(strapi) ?? {};
  all[uid] = { ...all[uid], ...fields };
  addedFields.set(strapi, all);
}

const viewOf = (field: string | FieldView): FieldView =>
  typeof field === 'string' ? { label: field } : field;

/** Fields Strapi gives every content type: named the same everywhere (list columns, filters). */
const SYSTEM_FIELDS: Record<string, string> = {
  id: 'Số thứ tự',
  documentId: 'Mã mục',
  createdAt: 'Ngày tạo',
  updatedAt: 'Ngày cập nhật',
  publishedAt: 'Ngày xuất bản',
  createdBy: 'Người tạo',
  updatedBy: 'Người cập nhật',
};

/** Content types the content manager shows (the project's and Strapi's own, such as site users). */
const shownInContentManager = (strapi: Core.Strapi) =>
  Object.entries(strapi.contentTypes)
    .filter(([uid, type]) => {
      const options = (type as { pluginOptions?: Record<string, { visible?: boolean }> }).pluginOptions;
      return !uid.startsWith('admin::') && options?.['content-manager']?.visible !== false;
    })
    .map(([uid]) => uid);

/**
 * Writes the declared views into the content manager's stored configuration (core store
 * `plugin_content_manager_configuration_content_types::<uid>`) at every start, after the content
 * manager synced it with the schemas: a fresh database gets them, a new field gets its label, a
 * relation shows the main field of the type it points to. Choices the views do not make stay.
 */
export async function applyAdminViews(strapi: Core.Strapi): Promise<void> {
  const views = registered.get(strapi) ?? {};
  const service = contentManagerTypes(strapi);
  const mainFieldOf = (uid: string | undefined) => (uid ? views[uid]?.mainField : undefined);
  const uids = new Set([...Object.keys(views), ...shownInContentManager(strapi)]);
  for (const uid of uids) {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!contentType) continue;
    const declared = views[uid] ?? { fields: {} };
    const added = addedFields.get(strapi)?.[uid] ?? {};
    const view: AdminView = { ...declared, fields: { ...SYSTEM_FIELDS, ...added, ...declared.fields } };
    const attributes = contentType.attributes as unknown as Record<string, Attribute>;
    const configuration = await service.findConfiguration({ uid });
    const metadatas = { ...(configuration.metadatas ?? {}) };
    for (const [field, declaredField] of Object.entries(view.fields)) {
      const attribute = attributes[field];
      if (!attribute && !(field in metadatas)) continue;
      const { label, description, placeholder, hidden } = viewOf(declaredField);
      const current = metadatas[field] ?? {};
      const target = attribute?.type === 'relation' ? mainFieldOf(attribute.target) : undefined;
      metadatas[field] = {
        ...current,
        edit: {
          ...current.edit,
          label,
          description: description ?? '',
          placeholder: placeholder ?? '',
          ...(hidden !== undefined ? { visible: !hidden } : {}),
          ...(target ? { mainField: target } : {}),
        },
        list: { ...current.list, label, ...(target ? { mainField: target } : {}) },
      };
    }
    const list = (view.list ?? configuration.layouts?.list ?? []).filter(
      (field) => field === 'id' || attributes[field],
    );
    await service.updateConfiguration(
      { uid },
      {
        settings: {
          ...configuration.settings,
          ...(view.mainField ? { mainField: view.mainField } : {}),
          ...(view.sort ? { defaultSortBy: view.sort.field, defaultSortOrder: view.sort.order } : {}),
        },
        layouts: { ...configuration.layouts, list },
        metadatas,
      },
    );
  }
}
