import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createError from 'http-errors';
import { BANNED_WORDS, REVIEW_LIMITS } from '@sgd/config';
import { workflowApi } from '@sgd/plugin-workflow';
import { ANONYMOUS_NAME, MESSAGES, PUBLIC_PRODUCT, REVIEWABLE_ORDER_STATUS, UID } from '../constants';
import { bannedWordsIn, shortName } from '../utils/text';
import type { NewAnswer, NewComment, NewReview, PageQuery, ReviewEdit, TextEdit } from '../validation/input';

type Row = Record<string, unknown>;
type Kind = 'review' | 'comment' | 'answer';

const conflict = (message: string) => createError(409, message, { name: 'ConflictError' });
const TITLE_MAX = 255;
/** Only the listed fields of a row (db.query always adds the row id). */
const pick = (row: Row, fields: string[]): Row =>
  Object.fromEntries(fields.map((field) => [field, row[field]]));
const truncate = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

interface Submitter {
  userId: number;
  name: string | null;
}

/** A page of items with Strapi's pagination meta. */
const paged = (data: unknown[], page: PageQuery, total: number) => ({
  data,
  meta: {
    pagination: {
      page: page.page,
      pageSize: page.pageSize,
      pageCount: Math.ceil(total / page.pageSize),
      total,
    },
  },
});

/**
 * Reviews, comments and the seller's answers: who may write what, plain text, the banned-words flag,
 * the per-user write limit, submission to the `review_comment` workflow, and the public and personal
 * reads.
 */
/**
 * Items that still count for "once per order" and "one answer": a rejected one does not, so its
 * writer may write again (moderated again). The unique indexes leave rejected rows out likewise.
 */
const standing = { reviewStatus: { $ne: 'rejected' } };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => workflowApi(strapi);

  async function author(userId: number): Promise<Submitter & { display: string }> {
    const user = (await strapi.db.query(UID.user).findOne({
      where: { id: userId },
      select: ['id', 'username', 'fullName'],
    })) as { username?: string; fullName?: string | null } | null;
    return {
      userId,
      name: user?.fullName ?? user?.username ?? null,
      display: shortName(user?.fullName, ANONYMOUS_NAME),
    };
  }

  /**
   * At most `REVIEW_LIMITS.writes` reviews, comments and answers per user in the window, counted in the
   * database (one draft row per item), so the limit holds across instances and restarts.
   */
  async function checkRate(userId: number): Promise<void> {
    const since = new Date(Date.now() - REVIEW_LIMITS.windowMinutes * 60_000);
    let written = 0;
    for (const uid of [UID.review, UID.comment, UID.answer]) {
      written += await strapi.db.query(uid).count({
        where: { author: { id: userId }, publishedAt: null, createdAt: { $gte: since } },
      });
    }
    if (written >= REVIEW_LIMITS.writes) {
      throw new errors.RateLimitError(MESSAGES.rateLimited);
    }
  }

  /** The flag and the title the officer sees in "Hộp duyệt". */
  function moderationOf(text: string, title: string) {
    const flagged = bannedWordsIn(text, BANNED_WORDS);
    const prefix = flagged.length > 0 ? MESSAGES.flaggedTitle(flagged) : '';
    return {
      title: truncate(`${prefix}${title}`, TITLE_MAX),
      flaggedWords: flagged.length > 0 ? flagged.join(', ') : null,
    };
  }

  /**
   * Creates the draft and submits it in one transaction, so a refused submission leaves no draft
   * behind; a unique-key race is answered like the check before it.
   */
  async function createAndSubmit(
    uid: string,
    data: Row,
    submitter: Submitter,
    onDuplicate: () => Promise<void>,
  ) {
    try {
      return await strapi.db.transaction(async () => {
        const created = (await strapi.documents(uid as never).create({ data } as never)) as unknown as {
          documentId: string;
        };
        const documentId = created.documentId;
        // Not a dossier: the author is told of the decision, not of the receipt.
        const task = await workflow().submit(uid, documentId, submitter, undefined, { notify: false });
        // The department relation (the engine's bulk status update sets columns only): officers of
        // that department read the item in the content manager ("Thuộc sở của tôi").
        if (task.departmentId) {
          await strapi.db
            .query(uid)
            .update({ where: { documentId, publishedAt: null }, data: { department: task.departmentId } });
        }
        return documentId;
      });
    } catch (error) {
      await onDuplicate();
      throw error;
    }
  }

  async function publicProduct(idOrSlug: string) {
    const product = (await strapi.documents(UID.product as never).findFirst({
      filters: { $and: [{ $or: [{ documentId: idOrSlug }, { slug: idOrSlug }] }, PUBLIC_PRODUCT] },
      fields: ['documentId', 'name'],
      status: 'published',
    } as never)) as unknown as { documentId: string; name: string } | null;
    if (!product) throw new errors.NotFoundError(MESSAGES.productNotFound);
    return product;
  }

  /** Approved, published answers of targets (`review:<id>`, `comment:<id>`), by target key. */
  async function answersOf(keys: string[]) {
    if (keys.length === 0) return new Map<string, Row>();
    const rows = (await strapi.db.query(UID.answer).findMany({
      where: { targetKey: { $in: keys }, reviewStatus: 'approved', publishedAt: { $notNull: true } },
      select: ['targetKey', 'authorName', 'text', 'publishedAt'],
    })) as Row[];
    return new Map(
      rows.map((row) => [
        String(row.targetKey),
        { authorName: row.authorName, text: row.text, publishedAt: row.publishedAt },
      ]),
    );
  }

  async function mineOf(
    uid: string,
    userId: number,
    page: PageQuery,
    fields: string[],
    kind: Kind,
    only?: string,
  ) {
    const where = { author: { id: userId }, publishedAt: null, ...(only ? { documentId: only } : {}) };
    const [rows, total] = await Promise.all([
      strapi.db.query(uid).findMany({
        where,
        select: ['documentId', ...fields, 'reviewStatus', 'createdAt'],
        populate: { product: { select: ['documentId', 'name', 'slug'] } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (page.page - 1) * page.pageSize,
        limit: page.pageSize,
      }) as Promise<Row[]>,
      strapi.db.query(uid).count({ where }),
    ]);
    const answers =
      kind === 'answer' ? new Map() : await answersOf(rows.map((r) => `${kind}:${r.documentId}`));
    return paged(
      rows.map((row) => ({
        ...pick(row, ['documentId', ...fields, 'createdAt']),
        status: row.reviewStatus,
        product: row.product ? pick(row.product as Row, ['documentId', 'name', 'slug']) : null,
        ...(kind === 'answer' ? {} : { answer: answers.get(`${kind}:${row.documentId}`) ?? null }),
      })),
      page,
      total,
    );
  }

  async function publicOf(uid: string, idOrSlug: string, page: PageQuery, fields: string[], kind: Kind) {
    const product = await publicProduct(idOrSlug);
    const where = {
      product: { documentId: product.documentId },
      reviewStatus: 'approved',
      publishedAt: { $notNull: true },
    };
    const [rows, total] = await Promise.all([
      strapi.db.query(uid).findMany({
        where,
        select: ['documentId', 'authorName', ...fields, 'publishedAt'],
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        offset: (page.page - 1) * page.pageSize,
        limit: page.pageSize,
      }) as Promise<Row[]>,
      strapi.db.query(uid).count({ where }),
    ]);
    const answers = await answersOf(rows.map((r) => `${kind}:${r.documentId}`));
    return paged(
      rows.map((row) => ({
        ...pick(row, ['documentId', 'authorName', ...fields, 'publishedAt']),
        answer: answers.get(`${kind}:${row.documentId}`) ?? null,
      })),
      page,
      total,
    );
  }

  return {
    /** A buyer reviews a product of one of their delivered orders (and, once per order, the seller). */
    async createReview(userId: number, input: NewReview) {
      await checkRate(userId);
      const order = (await strapi.db.query(UID.order).findOne({
        where: { code: input.order, buyer: { id: userId } },
        select: ['id', 'documentId', 'code', 'orderStatus'],
        populate: {
          seller: { select: ['id', 'documentId', 'name'] },
          lines: { populate: { product: { select: ['id', 'documentId', 'name'] } } },
        },
      })) as {
        id: number;
        documentId: string;
        orderStatus: string;
        seller: { documentId: string; name: string } | null;
        lines: { product: { documentId: string; name: string } | null; productName: string }[];
      } | null;
      if (!order) throw new errors.NotFoundError(MESSAGES.orderNotFound);
      if (order.orderStatus !== REVIEWABLE_ORDER_STATUS)
        throw new errors.ValidationError(MESSAGES.notDelivered);
      const line = order.lines.find((l) => l.product?.documentId === input.product);
      if (!line || !order.seller) throw new errors.ValidationError(MESSAGES.productNotInOrder);

      const orderProductKey = `${order.id}:${input.product}`;
      const orderSellerKey = input.sellerStars ? String(order.id) : null;
      const checkDuplicates = async () => {
        if ((await strapi.db.query(UID.review).count({ where: { orderProductKey, ...standing } })) > 0) {
          throw conflict(MESSAGES.alreadyReviewed);
        }
        if (
          orderSellerKey &&
          (await strapi.db.query(UID.review).count({ where: { orderSellerKey, ...standing } })) > 0
        ) {
          throw conflict(MESSAGES.sellerAlreadyRated);
        }
      };
      await checkDuplicates();

      const me = await author(userId);
      const productName = line.product?.name ?? line.productName;
      const documentId = await createAndSubmit(
        UID.review,
        {
          ...moderationOf(
            input.text,
            `Đánh giá ${input.productStars}★ sản phẩm "${truncate(productName, 150)}"`,
          ),
          order: order.documentId,
          product: input.product,
          seller: order.seller.documentId,
          author: userId,
          authorName: me.display,
          productStars: input.productStars,
          sellerStars: input.sellerStars ?? null,
          text: input.text,
          orderProductKey,
          orderSellerKey,
          reviewStatus: 'draft',
        },
        me,
        checkDuplicates,
      );
      return this.myItem(UID.review, userId, documentId);
    },

    /** Any signed-in user comments on a public product. */
    async createComment(userId: number, input: NewComment) {
      await checkRate(userId);
      const product = await publicProduct(input.product);
      const me = await author(userId);
      const documentId = await createAndSubmit(
        UID.comment,
        {
          ...moderationOf(input.text, `Bình luận về sản phẩm "${truncate(product.name, 150)}"`),
          product: product.documentId,
          author: userId,
          authorName: me.display,
          text: input.text,
          reviewStatus: 'draft',
        },
        me,
        async () => undefined,
      );
      return this.myItem(UID.comment, userId, documentId);
    },

    /** The owner of the product's seller answers an approved review or comment, once. */
    async createAnswer(userId: number, input: NewAnswer) {
      await checkRate(userId);
      const kind = input.review ? 'review' : 'comment';
      const targetId = (input.review ?? input.comment) as string;
      const target = (await strapi.db.query(kind === 'review' ? UID.review : UID.comment).findOne({
        where: { documentId: targetId, reviewStatus: 'approved', publishedAt: { $notNull: true } },
        select: ['id', 'documentId'],
        populate: {
          product: {
            select: ['documentId', 'name'],
            populate: { seller: { select: ['documentId', 'name'], populate: { owner: { select: ['id'] } } } },
          },
        },
      })) as {
        product: {
          documentId: string;
          name: string;
          seller: { documentId: string; name: string; owner: { id: number } | null } | null;
        } | null;
      } | null;
      if (!target?.product) throw new errors.NotFoundError(MESSAGES.targetNotFound);
      const seller = target.product.seller;
      if (!seller || seller.owner?.id !== userId) throw new errors.PolicyError(MESSAGES.notProductSeller);

      const targetKey = `${kind}:${targetId}`;
      const checkDuplicate = async () => {
        if ((await strapi.db.query(UID.answer).count({ where: { targetKey, ...standing } })) > 0) {
          throw conflict(MESSAGES.alreadyAnswered);
        }
      };
      await checkDuplicate();
      const me = await author(userId);
      const documentId = await createAndSubmit(
        UID.answer,
        {
          ...moderationOf(
            input.text,
            `Trả lời của người bán về ${kind === 'review' ? 'đánh giá' : 'bình luận'} sản phẩm "${truncate(target.product.name, 150)}"`,
          ),
          [kind]: targetId,
          product: target.product.documentId,
          seller: seller.documentId,
          author: userId,
          authorName: seller.name,
          text: input.text,
          targetKey,
          reviewStatus: 'draft',
        },
        me,
        checkDuplicate,
      );
      return this.myItem(UID.answer, userId, documentId);
    },

    /**
     * The author corrects an item the officer sent back for a supplement, which resubmits it (the
     * deadline restarts). Anyone else's item is "not found"; in any other state nothing changes.
     */
    async edit(kind: Kind, userId: number, documentId: string, input: ReviewEdit | TextEdit) {
      const uid = UID[kind];
      const row = (await strapi.db.query(uid).findOne({
        where: { documentId, author: { id: userId }, publishedAt: null },
        select: [
          'id',
          'title',
          'reviewStatus',
          ...(kind === 'review' ? ['orderSellerKey', 'productStars'] : []),
        ],
        populate: { product: { select: ['name'] } },
      })) as (Row & { reviewStatus: string; product?: { name: string } | null }) | null;
      if (!row) throw new errors.NotFoundError(MESSAGES.notMine);
      if (row.reviewStatus !== 'supplement_requested') throw conflict(MESSAGES.notEditable);
      const data: Row = { text: input.text };
      const productName = truncate(row.product?.name ?? '', 150);
      let title = `Bình luận về sản phẩm "${productName}"`;
      if (kind === 'review') {
        const review = input as ReviewEdit;
        if (review.sellerStars !== undefined && !row.orderSellerKey) {
          throw new errors.ValidationError(MESSAGES.sellerNotRated);
        }
        if (review.productStars !== undefined) data.productStars = review.productStars;
        if (review.sellerStars !== undefined) data.sellerStars = review.sellerStars;
        title = `Đánh giá ${review.productStars ?? row.productStars}★ sản phẩm "${productName}"`;
      } else if (kind === 'answer') {
        title = String(row.title).replace(/^\[[^\]]*\] /, '');
      }
      Object.assign(data, moderationOf(input.text, title));
      await strapi.documents(uid as never).update({ documentId, data } as never);
      await workflow().submit(uid, documentId, await author(userId), undefined, { notify: false });
      return this.myItem(uid, userId, documentId);
    },

    /** The person's reviews, comments and answers, for their personal-data export. */
    async exportFor(userId: number) {
      const all = async (kind: Kind) => {
        const rows = (await strapi.db.query(UID[kind]).findMany({
          where: { author: { id: userId }, publishedAt: null },
          select: ['documentId', ...FIELDS[kind], 'authorName', 'reviewStatus', 'createdAt'],
          populate: { product: { select: ['documentId', 'name'] } },
          orderBy: { id: 'asc' },
        })) as Row[];
        return rows.map((row) => ({
          ...pick(row, ['documentId', ...FIELDS[kind], 'authorName', 'createdAt']),
          status: row.reviewStatus,
          product: row.product ? pick(row.product as Row, ['documentId', 'name']) : null,
        }));
      };
      return { reviews: await all('review'), comments: await all('comment'), answers: await all('answer') };
    },

    /**
     * Deletes the person's reviews, comments and answers with their account (through the Document
     * Service, so the averages of the products and sellers they rated are recomputed).
     */
    async removeOf(userId: number) {
      for (const kind of ['answer', 'comment', 'review'] as const) {
        const rows = (await strapi.db.query(UID[kind]).findMany({
          where: { author: { id: userId }, publishedAt: null },
          select: ['documentId'],
        })) as { documentId: string }[];
        for (const row of rows) {
          await strapi.documents(UID[kind] as never).delete({ documentId: row.documentId } as never);
        }
      }
    },

    /** One of my items as I see it: its text, stars and moderation status. */
    async myItem(uid: string, userId: number, documentId: string) {
      const kind = (uid === UID.review ? 'review' : uid === UID.comment ? 'comment' : 'answer') as Kind;
      const { data } = await mineOf(uid, userId, { page: 1, pageSize: 1 }, FIELDS[kind], kind, documentId);
      if (data.length === 0) throw new errors.NotFoundError(MESSAGES.notMine);
      return data[0];
    },

    mine: (kind: Kind, userId: number, page: PageQuery) =>
      mineOf(UID[kind], userId, page, FIELDS[kind], kind),

    /** Approved, published reviews or comments of a public product, each with its approved answer. */
    forProduct: (kind: 'review' | 'comment', idOrSlug: string, page: PageQuery) =>
      publicOf(UID[kind], idOrSlug, page, PUBLIC_FIELDS[kind], kind),
  };
};

/** What the author reads of their own items. */
const FIELDS: Record<Kind, string[]> = {
  review: ['productStars', 'sellerStars', 'text'],
  comment: ['text'],
  answer: ['text', 'targetKey'],
};

/** What anyone reads: no author account, no order, no flag, no department. */
const PUBLIC_FIELDS: Record<'review' | 'comment', string[]> = {
  review: ['productStars', 'sellerStars', 'text'],
  comment: ['text'],
};
