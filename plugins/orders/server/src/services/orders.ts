import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createError from 'http-errors';
import {
  allowedOrderActions,
  assertCanTransition,
  orderStatusName,
  OrderTransitionError,
  type OrderPartyCode,
  type OrderStatusCode,
  type OrderTransition,
} from '@sgd/config';
import { coreService } from '@sgd/plugin-core';
import { KEY_RETENTION_DAYS, MESSAGES, UID } from '../constants';
import { ordersService } from '../utils/get-service';
import { ORDER_CODE } from '../utils/order-code';
import { requestHash } from '../utils/request-hash';
import type { NewOrder, OrderActionInput } from '../validation/order';
import type { NoticeOrder, Recipient } from './notifier';

/** Codes drawn for one order before giving up (each draw collides about once in a billion). */
const CODE_ATTEMPTS = 3;

type Party = Extract<OrderPartyCode, 'buyer' | 'seller'>;

interface LineRow {
  position: number;
  productName: string;
  unit: string;
  unitPrice: string | number;
  quantity: number;
  lineTotal: string | number;
  product?: { documentId: string; slug: string | null } | null;
}

interface OrderRow {
  id: number;
  code: string;
  orderStatus: OrderStatusCode;
  sellerName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  deliveryAddress: string;
  note: string | null;
  paymentMethod: string;
  deliveryMethod: string;
  total: string | number;
  placedAt: string | Date;
  statusChangedAt: string | Date;
  buyer?: { id: number; email: string | null } | null;
  seller?: {
    id: number;
    documentId: string;
    slug: string | null;
    email: string | null;
    owner?: { id: number; email: string | null } | null;
  } | null;
  lines?: LineRow[];
}

interface EventRow {
  action: string;
  fromStatus: OrderStatusCode | null;
  toStatus: OrderStatusCode;
  actorRole: OrderPartyCode;
  actorName: string | null;
  reason: string | null;
  createdAt: string | Date;
}

interface ProductRow {
  id: number;
  documentId: string;
  name: string;
  unit: string;
  price: string | number | null;
  reviewStatus: string;
  paymentMethods: unknown;
  deliveryMethods: unknown;
  seller?: { documentId: string; name: string; verificationStatus: string } | null;
}

interface SellerRow {
  id: number;
  documentId: string;
  name: string;
  email: string | null;
  verificationStatus: string;
  department?: { id: number } | null;
  owner?: { id: number; email: string | null } | null;
}

const ORDER_POPULATE = {
  buyer: { select: ['id', 'email'] },
  seller: { select: ['id', 'documentId', 'slug', 'email'], populate: { owner: { select: ['id', 'email'] } } },
  lines: { populate: { product: { select: ['documentId', 'slug'] } } },
};

const notFound = () => new errors.NotFoundError(MESSAGES.notFound);
const invalid = (path: (string | number)[], message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: path.map(String), message, name: 'ValidationError' }],
  });
const iso = (value: string | Date) => new Date(value).toISOString();
const offers = (list: unknown, code: string) => Array.isArray(list) && list.includes(code);

/** Turns a refused transition into the HTTP error a person reads. */
function refusal(error: OrderTransitionError): Error {
  switch (error.problem) {
    case 'not_allowed':
      // PolicyError: Strapi replaces the message of a plain ForbiddenError by "Forbidden".
      return new errors.PolicyError(error.message);
    case 'wrong_status':
      return createError(409, error.message, { name: 'ConflictError' });
    default:
      return invalid([error.problem === 'reason_required' ? 'reason' : 'action'], error.message);
  }
}

/**
 * Orders (QC Điều 11, 13, 14): a signed-in buyer orders products of one seller; the seller's owner
 * confirms, declines, ships, delivers or cancels; the buyer cancels before confirmation or confirms
 * receipt. Every change goes through `assertCanTransition`, is recorded in the history and told to
 * the other party. Someone who is neither the buyer nor the seller's owner is told "not found".
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const q = (uid: string) => strapi.db.query(uid as never);
  const now = () => coreService(strapi, 'clock').now();
  const notifier = () => ordersService(strapi, 'notifier');
  const codes = () => ordersService(strapi, 'codes');

  async function userName(userId: number): Promise<string | null> {
    const user = (await q(UID.user).findOne({
      where: { id: userId },
      select: ['username', 'fullName'],
    })) as { username: string | null; fullName?: string | null } | null;
    return user?.fullName || user?.username || null;
  }

  async function load(code: string): Promise<OrderRow | null> {
    if (!ORDER_CODE.test(code)) return null;
    return (await q(UID.order).findOne({ where: { code }, populate: ORDER_POPULATE })) as OrderRow | null;
  }

  /** The order and the viewer's side of it; anyone else gets "not found". */
  async function findForUser(code: string, userId: number): Promise<{ order: OrderRow; party: Party }> {
    const order = await load(code);
    if (order?.buyer?.id === userId) return { order, party: 'buyer' };
    if (order?.seller?.owner?.id === userId) return { order, party: 'seller' };
    throw notFound();
  }

  const lineView = (line: LineRow) => ({
    product: line.product ? { documentId: line.product.documentId, slug: line.product.slug } : null,
    productName: line.productName,
    unit: line.unit,
    unitPrice: Number(line.unitPrice),
    quantity: line.quantity,
    lineTotal: Number(line.lineTotal),
  });

  function view(order: OrderRow, party: Party) {
    return {
      code: order.code,
      status: order.orderStatus,
      statusName: orderStatusName(order.orderStatus),
      placedAt: iso(order.placedAt),
      statusChangedAt: iso(order.statusChangedAt),
      seller: {
        documentId: order.seller?.documentId ?? null,
        slug: order.seller?.slug ?? null,
        name: order.sellerName,
      },
      contactName: order.contactName,
      contactPhone: order.contactPhone,
      contactEmail: order.contactEmail,
      deliveryAddress: order.deliveryAddress,
      note: order.note,
      paymentMethod: order.paymentMethod,
      deliveryMethod: order.deliveryMethod,
      total: Number(order.total),
      lines: [...(order.lines ?? [])].sort((a, b) => a.position - b.position).map(lineView),
      viewerRole: party,
      actions: allowedOrderActions(order.orderStatus, party).map((t) => ({
        action: t.action,
        name: t.name,
        reasonRequired: t.reasonRequired,
      })),
    };
  }

  async function history(orderId: number) {
    const rows = (await q(UID.event).findMany({
      where: { orderId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })) as EventRow[];
    return rows.map((row) => ({
      action: row.action,
      from: row.fromStatus,
      to: row.toStatus,
      toName: orderStatusName(row.toStatus),
      by: row.actorRole,
      actorName: row.actorName,
      reason: row.reason,
      at: iso(row.createdAt),
    }));
  }

  const notice = (order: OrderRow, status: OrderStatusCode = order.orderStatus): NoticeOrder => ({
    id: order.id,
    code: order.code,
    status,
    sellerName: order.sellerName,
    contactName: order.contactName,
    contactPhone: order.contactPhone,
    contactEmail: order.contactEmail,
    deliveryAddress: order.deliveryAddress,
    note: order.note,
    paymentMethod: order.paymentMethod,
    deliveryMethod: order.deliveryMethod,
    total: Number(order.total),
    lines: [...(order.lines ?? [])].sort((a, b) => a.position - b.position).map(lineView),
  });
  const buyerOf = (order: OrderRow): Recipient => ({
    userId: order.buyer?.id ?? null,
    email: order.contactEmail ?? order.buyer?.email ?? null,
  });
  const sellerOf = (order: OrderRow): Recipient => ({
    userId: order.seller?.owner?.id ?? null,
    email: order.seller?.email ?? order.seller?.owner?.email ?? null,
  });

  /** Moves the order (a conditional update: a concurrent change makes this one fail), records and tells. */
  async function apply(
    order: OrderRow,
    transition: OrderTransition,
    actor: { role: OrderPartyCode; userId: number | null; name: string | null },
    reason: string | null,
    at: Date,
  ) {
    const moved = await q(UID.order).updateMany({
      where: { id: order.id, orderStatus: order.orderStatus },
      data: { orderStatus: transition.to, statusChangedAt: at },
    });
    if (moved.count !== 1) throw createError(409, MESSAGES.changedMeanwhile, { name: 'ConflictError' });
    await q(UID.event).create({
      data: {
        orderId: order.id,
        action: transition.action,
        fromStatus: order.orderStatus,
        toStatus: transition.to,
        actorRole: actor.role,
        actorUserId: actor.userId,
        actorName: actor.name,
        reason,
        createdAt: at,
      },
    });
    if (actor.role === 'buyer')
      await notifier().statusChanged(sellerOf(order), notice(order, transition.to), transition, reason, at);
    if (actor.role === 'seller')
      await notifier().statusChanged(buyerOf(order), notice(order, transition.to), transition, reason, at);
  }

  /** Checks the products (published, approved, of one verified seller, offering the chosen methods) and prices the lines. */
  async function priced(userId: number, input: NewOrder) {
    const ids = input.items.map((item) => item.product);
    const published = (await q(UID.product).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      populate: { seller: { select: ['documentId', 'name', 'verificationStatus'] } },
    })) as ProductRow[];
    const drafts = (await q(UID.product).findMany({
      where: { documentId: { $in: ids }, publishedAt: null },
      select: ['id', 'documentId'],
    })) as { id: number; documentId: string }[];
    const lines = input.items.map((item, index) => {
      const product = published.find((p) => p.documentId === item.product);
      if (!product) throw invalid(['items', index, 'product'], MESSAGES.productNotFound);
      if (product.reviewStatus !== 'approved' || product.seller?.verificationStatus !== 'verified')
        throw invalid(['items', index, 'product'], MESSAGES.productUnavailable(product.name));
      const price = product.price === null ? NaN : Number(product.price);
      if (!Number.isSafeInteger(price) || price <= 0)
        throw invalid(['items', index, 'product'], MESSAGES.noPrice(product.name));
      if (!offers(product.paymentMethods, input.paymentMethod))
        throw invalid(['paymentMethod'], MESSAGES.paymentNotOffered(product.name));
      if (!offers(product.deliveryMethods, input.deliveryMethod))
        throw invalid(['deliveryMethod'], MESSAGES.deliveryNotOffered(product.name));
      return {
        productId: drafts.find((d) => d.documentId === product.documentId)?.id ?? product.id,
        sellerDocumentId: product.seller.documentId,
        productName: product.name,
        unit: product.unit,
        unitPrice: price,
        quantity: item.quantity,
        lineTotal: price * item.quantity,
      };
    });
    if (new Set(lines.map((line) => line.sellerDocumentId)).size > 1)
      throw invalid(['items'], MESSAGES.severalSellers);
    const seller = (await q(UID.seller).findOne({
      where: { documentId: lines[0].sellerDocumentId, publishedAt: null },
      populate: { owner: { select: ['id', 'email'] }, department: { select: ['id'] } },
    })) as SellerRow | null;
    if (!seller || seller.verificationStatus === 'locked')
      throw invalid(['items', 0, 'product'], MESSAGES.productUnavailable(lines[0].productName));
    if (seller.owner?.id === userId) throw invalid(['items'], MESSAGES.ownProduct);
    const total = lines.reduce((sum, line) => sum + line.lineTotal, 0);
    if (!Number.isSafeInteger(total)) throw invalid(['items'], MESSAGES.totalTooLarge);
    return { seller, lines, total };
  }

  async function findKey(userId: number, key: string) {
    return (await q(UID.idempotencyKey).findOne({ where: { userId, requestKey: key } })) as {
      requestHash: string;
      orderId: number;
    } | null;
  }

  /** The order a key created, or 422 when the key came with another body. */
  async function replay(stored: { requestHash: string; orderId: number }, hash: string, userId: number) {
    if (stored.requestHash !== hash)
      throw createError(422, MESSAGES.keyReused, { name: 'UnprocessableEntityError' });
    const order = (await q(UID.order).findOne({ where: { id: stored.orderId }, select: ['code'] })) as {
      code: string;
    } | null;
    if (!order) throw notFound();
    return { order: await readOrder(order.code, userId), replayed: true };
  }

  async function readOrder(code: string, userId: number) {
    const { order, party } = await findForUser(code, userId);
    return { ...view(order, party), history: await history(order.id) };
  }

  return {
    /**
     * Places an order once per `Idempotency-Key`: a retry with the same body gets the same order; two
     * racing requests meet at the unique index on (user, key), and the loser answers with the winner's order.
     */
    async create(userId: number, key: string, input: NewOrder) {
      const hash = requestHash(input);
      const stored = await findKey(userId, key);
      if (stored) return replay(stored, hash, userId);
      const { seller, lines, total } = await priced(userId, input);
      const buyerName = await userName(userId);
      /** Inserts the order, its lines, history, notices and key in one transaction. */
      const place = (code: string, at: Date) =>
        strapi.db.transaction(async () => {
          const created = (await q(UID.order).create({
            data: {
              code,
              orderStatus: 'placed',
              buyer: userId,
              seller: seller.id,
              sellerName: seller.name,
              department: seller.department?.id ?? null,
              contactName: input.contactName,
              contactPhone: input.contactPhone,
              contactEmail: input.contactEmail,
              deliveryAddress: input.deliveryAddress,
              note: input.note,
              paymentMethod: input.paymentMethod,
              deliveryMethod: input.deliveryMethod,
              total,
              placedAt: at,
              statusChangedAt: at,
            },
          })) as { id: number; code: string };
          for (const [position, line] of lines.entries()) {
            await q(UID.line).create({
              data: {
                order: created.id,
                product: line.productId,
                position,
                productName: line.productName,
                unit: line.unit,
                unitPrice: line.unitPrice,
                quantity: line.quantity,
                lineTotal: line.lineTotal,
              },
            });
          }
          await q(UID.event).create({
            data: {
              orderId: created.id,
              action: 'place',
              fromStatus: null,
              toStatus: 'placed',
              actorRole: 'buyer',
              actorUserId: userId,
              actorName: buyerName,
              reason: null,
              createdAt: at,
            },
          });
          const order = (await load(created.code)) as OrderRow;
          await notifier().newOrder(sellerOf(order), notice(order), at);
          await apply(
            order,
            assertCanTransition('placed', 'notify_seller', 'system'),
            { role: 'system', userId: null, name: null },
            null,
            at,
          );
          await q(UID.idempotencyKey).create({
            data: { userId, requestKey: key, requestHash: hash, orderId: created.id, createdAt: at },
          });
          return created.code;
        });
      let code: string | null = null;
      for (let attempt = 1; code === null; attempt += 1) {
        const at = now();
        const candidate = codes().next(at);
        try {
          code = (await place(candidate, at)) as string;
        } catch (error) {
          // The same key committed by a concurrent request: answer with its order (or 422).
          const raced = await findKey(userId, key);
          if (raced) return replay(raced, hash, userId);
          // Another order already has the code drawn (about one in a billion a day): draw again.
          if ((await q(UID.order).count({ where: { code: candidate } })) === 0) throw error;
          if (attempt >= CODE_ATTEMPTS) {
            throw createError(503, MESSAGES.noFreeCode, { name: 'ServiceUnavailableError' });
          }
        }
      }
      return { order: await readOrder(code, userId), replayed: false };
    },

    /**
     * Forgets `Idempotency-Key`s older than KEY_RETENTION_DAYS (the order stays; the key only guards
     * against a retry of the same request). Answers how many were removed.
     */
    async purgeKeys(at: Date = now()): Promise<number> {
      const before = new Date(at.getTime() - KEY_RETENTION_DAYS * 86_400_000);
      const { count } = await q(UID.idempotencyKey).deleteMany({ where: { createdAt: { $lt: before } } });
      return count;
    },

    async list(
      userId: number,
      party: Party,
      query: { page: number; pageSize: number; status?: OrderStatusCode },
    ) {
      const where = {
        ...(party === 'buyer' ? { buyer: { id: userId } } : { seller: { owner: { id: userId } } }),
        ...(query.status ? { orderStatus: query.status } : {}),
      };
      const [rows, total] = await Promise.all([
        q(UID.order).findMany({
          where,
          populate: ORDER_POPULATE,
          orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as Promise<OrderRow[]>,
        q(UID.order).count({ where }),
      ]);
      return {
        data: rows.map((row) => view(row, party)),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            pageCount: Math.ceil(total / query.pageSize),
            total,
          },
        },
      };
    },

    read: readOrder,

    /** Every order the person placed, with its history: their personal-data export (accounts plugin). */
    async exportFor(userId: number) {
      const rows = (await q(UID.order).findMany({
        where: { buyer: { id: userId } },
        populate: ORDER_POPULATE,
        orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
      })) as OrderRow[];
      return Promise.all(
        rows.map(async (row) => ({ ...view(row, 'buyer'), history: await history(row.id) })),
      );
    },

    /** A buyer's or a seller's action on an order, checked against the status machine. */
    async act(code: string, userId: number, input: OrderActionInput) {
      const { order, party } = await findForUser(code, userId);
      let transition: OrderTransition;
      try {
        transition = assertCanTransition(order.orderStatus, input.action, party, input.reason);
      } catch (error) {
        throw error instanceof OrderTransitionError ? refusal(error) : error;
      }
      const name = party === 'seller' ? order.sellerName : await userName(userId);
      await strapi.db.transaction(() =>
        apply(order, transition, { role: party, userId, name }, input.reason, now()),
      );
      return readOrder(code, userId);
    },
  };
};
