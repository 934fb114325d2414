import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OWNED_IMAGES, type OwnedContentType, type OwnedLink, type OwnedReview } from '@sgd/contracts';
import type { IncomingFile } from '../lib/clean-upload';
import { ownedSpecs, type OwnedSpec } from '../lib/owned';
import { ORPHAN_IMAGE_GRACE_MS, SELLER_IMAGES_FOLDER, SELLER_UID as SELLER } from '../constants';
import { type TaskRow, workflowApi, workflowService } from '@sgd/plugin-workflow';
import { accountsService } from '../utils/get-service';

type Row = Record<string, unknown>;
const PRIVATE = ['internalNote', 'flaggedReasons', 'owner', 'createdBy', 'updatedBy'];

const notFound = () => new errors.NotFoundError('Không tìm thấy nội dung này trong tài khoản của bạn.');

/** Why an item cannot be linked: it is not the seller's own, or staff have not verified or approved it. */
const LINK_REFUSALS: Record<OwnedLink['to'], { notMine: string; notApproved: string; malformed: string }> = {
  licence: {
    notMine: 'Chỉ gắn được giấy phép, chứng nhận của chính doanh nghiệp bạn.',
    notApproved: 'Chỉ gắn được giấy phép, chứng nhận đã được cơ quan quản lý xác thực.',
    malformed: 'Danh sách giấy phép, chứng nhận không hợp lệ.',
  },
  'production-area': {
    notMine: 'Chỉ gắn được vùng sản xuất của chính doanh nghiệp bạn.',
    notApproved: 'Chỉ gắn được vùng sản xuất đã được cơ quan quản lý duyệt.',
    malformed: 'Vùng sản xuất đã chọn không hợp lệ.',
  },
};
/** More links than any product has: a longer list is not a person's choice. */
const MAX_LINKS = 100;
const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/**
 * What a person manages as theirs (`OWNED_CONTENT` of @sgd/contracts, on the content types that
 * declare `pluginOptions.accounts.owned`): their seller's products, licences and
 * production areas, their own buy/sell posts and listings. Someone else's item is "not found";
 * only the listed fields can be written; every change goes through the item's workflow to be public.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => workflowApi(strapi);

  /** Where the review stands, with what staff told the person (never their internal notes). */
  async function reviewOf(task: TaskRow): Promise<OwnedReview> {
    return {
      state: task.state,
      submittedAt: new Date(task.submittedAt).toISOString(),
      history: (await workflowApi(strapi).history(task, false)).map((entry) => ({
        action: entry.action,
        toState: entry.toState,
        comment: entry.comment,
        createdAt: entry.createdAt,
      })),
    };
  }

  let specs: Map<string, OwnedSpec> | null = null;
  function spec(type: string): OwnedSpec {
    specs ??= ownedSpecs(strapi);
    const entry = specs.get(type);
    // `type` comes from the URL: a Map has no inherited keys (`constructor`) to find.
    if (!entry) throw new errors.NotFoundError('Loại nội dung không tồn tại.');
    return entry;
  }

  async function sellerOf(userId: number): Promise<Row | null> {
    return (await strapi.db
      .query(SELLER)
      .findOne({ where: { owner: { id: userId }, publishedAt: null } })) as Row | null;
  }

  /** The `where` that selects what this user owns of a type (drafts: the editable side). */
  async function ownership(type: string, userId: number): Promise<Row | null> {
    const entry = spec(type);
    if (entry.through === 'owner') return { owner: { id: userId } };
    const seller = await sellerOf(userId);
    return seller ? { seller: { id: seller.id } } : null;
  }

  async function relationIds(relations: Record<string, string>, data: Row): Promise<Row> {
    const out: Row = {};
    for (const [field, kind] of Object.entries(relations)) {
      if (!(field in data)) continue;
      const value = data[field];
      if (value === null || value === '') {
        out[field] = null;
        continue;
      }
      const uid = kind === 'category' ? 'plugin::catalog.category' : 'plugin::core.administrative-unit';
      const key = kind === 'category' ? 'slug' : 'code';
      const row = (await strapi.db.query(uid).findOne({ where: { [key]: String(value) } })) as Row | null;
      if (!row)
        throw invalid(
          field,
          kind === 'category' ? 'Không tìm thấy danh mục đã chọn.' : 'Không tìm thấy xã, phường đã chọn.',
        );
      out[field] = kind === 'category' && row.documentId ? row.documentId : row.id;
    }
    return out;
  }

  /**
   * Links to other items of the seller by document id (a product's licences and production area):
   * each must be the seller's own and verified or approved; anything else is refused by field.
   */
  async function linkIds(type: string, userId: number, data: Row): Promise<Row> {
    const present = Object.entries(spec(type).links as Record<string, OwnedLink>).filter(([field]) =>
      Object.hasOwn(data, field),
    );
    if (present.length === 0) return {};
    const seller = await sellerOf(userId);
    const out: Row = {};
    for (const [field, link] of present) {
      const refusals = LINK_REFUSALS[link.to];
      const value = data[field];
      const ids = link.many ? value : value === null || value === '' ? [] : [value];
      if (
        !Array.isArray(ids) ||
        ids.length > MAX_LINKS ||
        !ids.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 64)
      )
        throw invalid(field, refusals.malformed);
      const wanted = [...new Set(ids)];
      const target = spec(link.to);
      const status = workflowService(strapi, 'targets').optionsOf(target.uid)?.status;
      const rows =
        wanted.length > 0 && seller
          ? ((await strapi.db.query(target.uid).findMany({
              where: { documentId: { $in: wanted }, seller: { id: seller.id }, publishedAt: null },
            })) as Row[])
          : [];
      for (const id of wanted) {
        const row = rows.find((candidate) => candidate.documentId === id);
        if (!row) throw invalid(field, refusals.notMine);
        if (status && row[status.field] !== status.approved) throw invalid(field, refusals.notApproved);
      }
      out[field] = link.many ? wanted : (wanted[0] ?? null);
    }
    return out;
  }

  /** Only the listed fields; anything else (status, owner, department…) is refused by name. */
  function writable(type: string, data: unknown): Row {
    const entry = spec(type);
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw new errors.ValidationError('Thiếu dữ liệu.');
    const allowed = new Set<string>([
      ...entry.fields,
      ...Object.keys(entry.relations),
      ...Object.keys(entry.links),
    ]);
    const refused = Object.keys(data).filter((key) => !allowed.has(key));
    if (refused.length) {
      throw new errors.ValidationError(`Trường không được phép sửa: ${refused.join(', ')}.`, {
        errors: refused.map((key) => ({
          path: [key],
          message: 'Trường không được phép sửa.',
          name: 'ValidationError',
        })),
      });
    }
    return data as Row;
  }

  const view = (row: Row) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => !PRIVATE.includes(key)));

  /** Relations as the user writes them (category slug, commune code), so an edit form can show them. */
  function relationCodes(type: string, row: Row): Row {
    const out: Row = {};
    for (const [field, kind] of Object.entries(spec(type).relations as Record<string, string>)) {
      const related = row[field] as Row | null | undefined;
      out[field] = related ? (related[kind === 'category' ? 'slug' : 'code'] ?? null) : null;
    }
    return out;
  }

  /** Linked items by document id, as the owner writes them, so an edit form can tick them. */
  function linkCodes(type: string, row: Row): Row {
    const out: Row = {};
    for (const [field, link] of Object.entries(spec(type).links as Record<string, OwnedLink>)) {
      const related = row[field] as Row | Row[] | null | undefined;
      out[field] = link.many
        ? ((related as Row[] | undefined) ?? []).map((item) => item.documentId)
        : ((related as Row | null | undefined)?.documentId ?? null);
    }
    return out;
  }

  /** The media field and limit of a type whose owner adds pictures, or null. */
  const imageRule = (type: string) =>
    (Object.hasOwn(OWNED_IMAGES, type) ? OWNED_IMAGES[type as OwnedContentType] : undefined) ?? null;

  async function findMine(type: string, userId: number, documentId: string): Promise<Row> {
    const where = await ownership(type, userId);
    if (!where) throw notFound();
    const images = imageRule(type);
    const row = (await strapi.db.query(spec(type).uid).findOne({
      where: { ...where, documentId, publishedAt: null },
      populate: [
        ...Object.keys(spec(type).relations),
        ...Object.keys(spec(type).links),
        ...(images ? [images.field] : []),
      ],
    })) as Row | null;
    if (!row) throw notFound();
    return row;
  }

  /** While staff review an item, or while it is locked, its owner cannot change it. */
  function assertEditable(row: Row): void {
    const status = (row.verificationStatus ?? row.reviewStatus) as string;
    if (status === 'pending')
      throw new errors.ApplicationError('Nội dung đang được xem xét, chưa sửa được lúc này.');
    if (status === 'locked') throw new errors.PolicyError('Nội dung đang bị khóa.');
  }

  /** The files of an item's picture field, as `findMine` populates it. */
  const filesOf = (row: Row, field: string) => (row[field] as Row[] | null | undefined) ?? [];
  /** A file no record (draft or published version of anything) shows any more. */
  const unused = (file: Row) => ((file.related as unknown[] | undefined) ?? []).length === 0;

  const media = () => accountsService(strapi, 'media');

  /**
   * Pictures as the owner's page shows them: the file's id (to remove it), address and size. The
   * addresses are signed: a picture of a draft is not public until the item is approved.
   */
  function pictures(type: string, row: Row): Row {
    const rule = imageRule(type);
    if (!rule) return {};
    return {
      [rule.field]: filesOf(row, rule.field).map((file) => {
        const formats = (file.formats ?? {}) as Record<string, { url?: string } | undefined>;
        const url = String(file.url ?? '');
        return {
          id: file.id,
          name: file.name,
          url: media().sign(url),
          thumbnailUrl: media().sign(formats.thumbnail?.url ?? formats.small?.url ?? url),
          width: file.width ?? null,
          height: file.height ?? null,
        };
      }),
    };
  }

  /** The media library folder of sellers' pictures (created at the first need). */
  async function imageFolder(): Promise<number> {
    const folders = strapi.db.query('plugin::upload.folder');
    const found = (await folders.findOne({
      where: { name: SELLER_IMAGES_FOLDER, parent: null },
      orderBy: { id: 'asc' },
    })) as { id: number } | null;
    if (found) return found.id;
    const folderService = strapi.plugin('upload').service('folder') as {
      create(data: { name: string; parent: null }): Promise<{ id: number }>;
    };
    return (await folderService.create({ name: SELLER_IMAGES_FOLDER, parent: null })).id;
  }

  /** The item (a draft its owner may change now), its type's picture rule and its pictures. */
  async function editablePictures(type: string, userId: number, documentId: string) {
    const rule = imageRule(type);
    if (!rule) throw new errors.NotFoundError('Loại nội dung này không có ảnh.');
    const row = await findMine(type, userId, documentId);
    assertEditable(row);
    return { rule, row, current: filesOf(row, rule.field) };
  }

  /** Sets the draft's pictures, in this order. */
  async function setPictures(type: string, documentId: string, field: string, files: Row[]) {
    await strapi.documents(spec(type).uid as never).update({
      documentId,
      data: { [field]: files.map((file) => file.id) },
    } as never);
  }

  const uploads = () =>
    strapi.plugin('upload').service('upload') as {
      upload(input: { data: Row; files: IncomingFile[] }): Promise<Row[]>;
      remove(file: Row): Promise<unknown>;
    };

  return {
    async list(type: string, userId: number) {
      const where = await ownership(type, userId);
      if (!where) return [];
      const rows = (await strapi.db
        .query(spec(type).uid)
        .findMany({ where: { ...where, publishedAt: null }, orderBy: { id: 'desc' } })) as Row[];
      return rows.map(view);
    },

    async read(type: string, userId: number, documentId: string) {
      const row = await findMine(type, userId, documentId);
      const task = await workflow().latestTask(spec(type).uid, documentId);
      return {
        ...view(row),
        ...relationCodes(type, row),
        ...linkCodes(type, row),
        ...pictures(type, row),
        // The reasons staff gave (rejection, request for supplement), never their internal notes.
        review: task ? await reviewOf(task) : null,
      };
    },

    async create(type: string, userId: number, input: unknown) {
      const entry = spec(type);
      const data = writable(type, input);
      const link: Row = {};
      if (entry.through === 'seller') {
        const seller = await sellerOf(userId);
        if (!seller)
          throw new errors.ApplicationError('Bạn cần đăng ký doanh nghiệp trước khi khai báo nội dung này.');
        if (seller.verificationStatus === 'locked')
          throw new errors.PolicyError('Doanh nghiệp đang bị khóa.');
        link.seller = seller.documentId;
      } else {
        link.owner = userId;
      }
      const status = workflowService(strapi, 'targets').optionsOf(entry.uid)?.status.field ?? 'reviewStatus';
      const created = (await strapi.documents(entry.uid as never).create({
        data: {
          ...data,
          ...(await relationIds(entry.relations, data)),
          ...(await linkIds(type, userId, data)),
          ...link,
          [status]: 'draft',
        },
      } as never)) as unknown as Row;
      return this.read(type, userId, created.documentId as string);
    },

    async update(type: string, userId: number, documentId: string, input: unknown) {
      const entry = spec(type);
      assertEditable(await findMine(type, userId, documentId));
      const data = writable(type, input);
      await strapi.documents(entry.uid as never).update({
        documentId,
        data: {
          ...data,
          ...(await relationIds(entry.relations, data)),
          ...(await linkIds(type, userId, data)),
        },
      } as never);
      return this.read(type, userId, documentId);
    },

    /**
     * Adds pictures (already checked and stripped of EXIF/GPS by the upload guard) to the draft;
     * they are public once the item is approved again. Refused beyond the type's limit.
     */
    async addImages(type: string, userId: number, documentId: string, files: IncomingFile[]) {
      const { rule, row, current } = await editablePictures(type, userId, documentId);
      if (files.length === 0) throw invalid(rule.field, 'Hãy chọn ít nhất một ảnh (JPG, PNG hoặc WebP).');
      if (current.length + files.length > rule.max) {
        throw invalid(
          rule.field,
          `Mỗi nội dung có tối đa ${rule.max} ảnh; hiện đã có ${current.length} ảnh, ` +
            `chỉ thêm được ${Math.max(0, rule.max - current.length)} ảnh nữa.`,
        );
      }
      const caption = String(row.name ?? row.title ?? '').slice(0, 250);
      const folder = await imageFolder();
      const uploaded = await uploads().upload({
        data: { fileInfo: files.map(() => ({ alternativeText: caption, folder })) },
        files,
      });
      // In the order the files came (formidable lists the files of one request as their writes
      // finish, so not always as they were sent): the upload stores them as each one is ready.
      const left = [...uploaded];
      const added = files.flatMap((file) => {
        const at = left.findIndex((row) => row.name === file.originalFilename);
        return at === -1 ? [] : left.splice(at, 1);
      });
      added.push(...left);
      try {
        await setPictures(type, documentId, rule.field, [...current, ...added]);
        await media().tag(
          added.map((file) => Number(file.id)),
          spec(type).uid,
          row.id,
        );
      } catch (error) {
        // Nothing half-done: files that could not be attached are not kept.
        await Promise.all(added.map((file) => uploads().remove(file)));
        throw error;
      }
      return this.read(type, userId, documentId);
    },

    /**
     * Takes a picture off the draft. The file is deleted when nothing else shows it; the approved
     * public version keeps showing it until the item is approved again.
     */
    async removeImage(type: string, userId: number, documentId: string, fileId: number) {
      const { rule, current } = await editablePictures(type, userId, documentId);
      if (!current.some((file) => file.id === fileId))
        throw new errors.NotFoundError('Không tìm thấy ảnh này trong nội dung của bạn.');
      await setPictures(
        type,
        documentId,
        rule.field,
        current.filter((file) => file.id !== fileId),
      );
      const file = (await strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { id: fileId }, populate: ['related'] })) as Row | null;
      if (file && unused(file)) await uploads().remove(file);
      return this.read(type, userId, documentId);
    },

    /**
     * Deletes sellers' pictures that no record shows any more, a day after their upload: taken off
     * a draft and then replaced by a new approval, or left by a deleted product or account. Only the
     * sellers' folder is swept; what staff put in the media library stays. Answers how many went.
     */
    async purgeOrphanImages(now: Date): Promise<number> {
      const files = (await strapi.db.query('plugin::upload.file').findMany({
        where: {
          folder: { name: SELLER_IMAGES_FOLDER },
          createdAt: { $lt: new Date(now.getTime() - ORPHAN_IMAGE_GRACE_MS) },
        },
        populate: ['related'],
        limit: 500,
      })) as Row[];
      const orphans = files.filter(unused);
      for (const file of orphans) await uploads().remove(file);
      if (orphans.length > 0) strapi.log.info(`[ảnh người bán] đã xóa ${orphans.length} ảnh không còn dùng`);
      return orphans.length;
    },

    async submit(type: string, userId: number, documentId: string) {
      await findMine(type, userId, documentId);
      const user = (await strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id: userId } })) as Row;
      await workflow().submit(spec(type).uid, documentId, {
        userId,
        name: (user.fullName as string | null) ?? null,
      });
      return this.read(type, userId, documentId);
    },
  };
};
