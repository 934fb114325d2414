import type { Core } from '@strapi/strapi';

/** A content type as the admin's role editor lists it, with its fields (`properties[].children`). */
interface Subject {
  uid: string;
  label: string;
  properties: { value: string; label: string; children?: Node[] }[];
}

interface Node {
  value: string;
  label: string;
  children?: Node[];
}

interface SectionsBuilder {
  addHandler(
    section: string,
    handler: (context: { section: { subjects: Subject[] } }) => Promise<void>,
  ): void;
}

interface ContentManagerTypes {
  findConfiguration(ct: {
    uid: string;
  }): Promise<{ metadatas?: Record<string, { edit?: { label?: string } }> }>;
}

const registered = new WeakSet<Core.Strapi>();

/**
 * The super admin's role editor (Cài đặt → Vai trò) lists each content type by its API name
 * ("Administrative-unit") and each of its fields by its attribute name ("reviewStatus"): Strapi builds
 * them so (`toSubjectTemplate`, `buildNode`), under the heading "Quyền Fields". A handler after
 * Strapi's own names them as the content manager does: the type's display name, the field's label in
 * the edit view. Each subject and each list of fields is named once per build.
 */
export function namePermissionSubjects(strapi: Core.Strapi): void {
  if (registered.has(strapi)) return;
  registered.add(strapi);
  const builder = (strapi.service('admin::permission') as unknown as { sectionsBuilder: SectionsBuilder })
    .sectionsBuilder;
  const named = new WeakSet<object>();
  const contentManager = () =>
    strapi.plugin('content-manager').service('content-types') as unknown as ContentManagerTypes;
  const name = async ({ section }: { section: { subjects: Subject[] } }) => {
    for (const subject of section.subjects) {
      const type = strapi.contentTypes[subject.uid as keyof typeof strapi.contentTypes] as
        { info?: { displayName?: string } } | undefined;
      if (!named.has(subject)) {
        named.add(subject);
        subject.label = type?.info?.displayName ?? subject.label;
      }
      const fields = subject.properties.find((property) => property.value === 'fields');
      if (!fields || named.has(fields)) continue;
      named.add(fields);
      // Read as "Quyền {label}" above the list of fields.
      fields.label = 'trường dữ liệu';
      const { metadatas = {} } = await contentManager().findConfiguration({ uid: subject.uid });
      for (const field of fields.children ?? [])
        field.label = metadatas[field.value]?.edit?.label || field.label;
    }
  };
  for (const section of ['collectionTypes', 'singleTypes']) builder.addHandler(section, name);
}
