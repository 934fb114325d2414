import type { Core } from '@strapi/strapi';
import { STAFF_LEVELS } from '@sgd/config';
import { DEPARTMENT_CONDITION } from '@sgd/plugin-workflow';
import { SELLER_IMAGES_FOLDER } from '../constants';
import { hasValidMediaSignature, signMediaUrl } from '../lib/media-url';

type Row = Record<string, unknown>;
const FILE = 'plugin::upload.file';
/** Media library actions an officer may hold, each scoped to their departments' files. */
const SCOPED_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];
/** Prefixes Strapi gives the smaller copies of an image (`thumbnail_<hash>.jpg`). */
const FORMAT = /^(?:thumbnail|small|medium|large)_(.+)$/;

export interface MediaFile {
  url?: string;
  formats?: Record<string, { url?: string } | undefined> | null;
}

/**
 * Who sees uploaded files (issue 19.6). Public by address (`/uploads/…`): files a published
 * version of something shows, and the media library's own files staff put there; a picture of an
 * item not approved yet (a draft's only, or a seller's picture no version shows) is served only at
 * a signed address, which its seller's pages and the admin get. In the media library an officer
 * sees only their departments' files (the department of the item a file belongs to, or of the
 * officer who uploaded it).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const secret = () => String(strapi.config.get('admin.auth.secret') ?? '');
  const hasDraftAndPublish = (uid: string) =>
    (strapi.getModel(uid as never) as { options?: { draftAndPublish?: boolean } } | undefined)?.options
      ?.draftAndPublish === true;
  const departmentOf = async (uid: string, id: unknown): Promise<number | null> => {
    const model = strapi.getModel(uid as never) as { attributes: Row } | undefined;
    if (!model || !Object.hasOwn(model.attributes, 'department')) return null;
    const row = (await strapi.db
      .query(uid as never)
      .findOne({ where: { id }, populate: { department: { select: ['id'] } } })) as {
      department?: { id: number } | null;
    } | null;
    return row?.department?.id ?? null;
  };

  return {
    /** The address as the people who may see a file that is not public get it. */
    sign(url: string): string {
      return signMediaUrl(secret(), url);
    },
    /** A file's address and its smaller copies' addresses, signed. */
    signFile<T extends MediaFile>(file: T): T {
      const formats = file.formats
        ? Object.fromEntries(
            Object.entries(file.formats).map(([key, format]) => [
              key,
              format?.url ? { ...format, url: this.sign(format.url) } : format,
            ]),
          )
        : file.formats;
      return { ...file, url: file.url ? this.sign(file.url) : file.url, formats };
    },
    isSigned(path: string, query: Record<string, unknown>): boolean {
      return hasValidMediaSignature(secret(), path, query);
    },

    /**
     * Whether the upload `/uploads/<name>` may be served to anyone: `null` when no file of the
     * library has that address (the static folder answers).
     */
    async isPublic(name: string): Promise<boolean | null> {
      const main = FORMAT.exec(name)?.[1];
      const file = (await strapi.db.query(FILE).findOne({
        where: { url: { $in: [`/uploads/${name}`, ...(main ? [`/uploads/${main}`] : [])] } },
        populate: { related: true, folder: { select: ['name'] } },
      })) as { related?: (Row & { __type: string })[]; folder?: { name: string } | null } | null;
      if (!file) return null;
      const related = file.related ?? [];
      if (related.some((row) => !hasDraftAndPublish(row.__type) || row.publishedAt)) return true;
      // Shown only by drafts: not approved yet. Shown by nothing: the library's own files are
      // public, a seller's picture is not.
      return related.length === 0 && file.folder?.name !== SELLER_IMAGES_FOLDER;
    },

    /** Gives these files the department of the item they were added to (a seller's new pictures). */
    async tag(fileIds: number[], uid: string, id: unknown): Promise<void> {
      if (fileIds.length === 0) return;
      const department = await departmentOf(uid, id);
      if (department === null) return;
      const untagged = (await strapi.db
        .query(FILE)
        .findMany({ where: { id: { $in: fileIds }, department: null }, select: ['id'] })) as { id: number }[];
      // One by one: a relation cannot be set by updateMany.
      for (const file of untagged)
        await strapi.db.query(FILE).update({ where: { id: file.id }, data: { department } });
    },

    /**
     * Gives files without a department the department of an item that shows them (an item gets its
     * department when it is submitted; the demo data's files). Answers how many were given one.
     */
    async tagUntagged(): Promise<number> {
      const files = (await strapi.db.query(FILE).findMany({
        where: { department: null },
        populate: { related: true },
        select: ['id'],
        limit: 1000,
      })) as { id: number; related?: (Row & { __type: string })[] }[];
      let tagged = 0;
      for (const file of files) {
        for (const row of file.related ?? []) {
          const department = await departmentOf(row.__type, row.id);
          if (department === null) continue;
          await strapi.db.query(FILE).update({ where: { id: file.id }, data: { department } });
          tagged += 1;
          break;
        }
      }
      return tagged;
    },

    /** The media library actions of the staff roles get the "my departments" condition. */
    async scopeStaffRoles(): Promise<void> {
      const roles = (await strapi.db.query('admin::role').findMany({
        where: { code: { $in: STAFF_LEVELS.map((level) => level.role) } },
        select: ['id'],
      })) as { id: number }[];
      if (roles.length === 0) return;
      const permissions = (await strapi.db.query('admin::permission').findMany({
        where: { action: { $in: SCOPED_ACTIONS }, role: { id: { $in: roles.map((r) => r.id) } } },
        select: ['id', 'conditions'],
      })) as { id: number; conditions: string[] | null }[];
      for (const permission of permissions) {
        if ((permission.conditions ?? []).length > 0) continue;
        await strapi.db
          .query('admin::permission')
          .update({ where: { id: permission.id }, data: { conditions: [DEPARTMENT_CONDITION] } });
      }
    },

    /** A file an officer uploads in the admin belongs to their (first) department. */
    async departmentOfStaff(adminUserId: number): Promise<number | null> {
      const profile = (await strapi.db.query('plugin::workflow.staff').findOne({
        where: { user: { id: adminUserId } },
        populate: { departments: { select: ['id'] } },
      })) as { departments?: { id: number }[] } | null;
      return profile?.departments?.[0]?.id ?? null;
    },
  };
};

export type Media = ReturnType<typeof import('./media').default>;
