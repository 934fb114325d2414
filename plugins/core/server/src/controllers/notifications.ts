import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { UID } from '../constants';
import { parseInput } from '../lib/input';

export interface Ctx {
  state: { user?: { id: number } };
  params: Record<string, string>;
  body?: unknown;
}

const id = z.coerce
  .number({ invalid_type_error: 'Mã thông báo phải là số.' })
  .int('Mã thông báo phải là số nguyên.')
  .positive('Mã thông báo phải là số dương.');

/** A signed-in site user's in-app notices: the 50 newest with the unread count, and marking one read. */
const notificationsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const userOf = (ctx: Ctx) => {
    if (!ctx.state.user) throw new errors.UnauthorizedError('Cần đăng nhập.');
    return ctx.state.user;
  };
  return {
    async find(ctx: Ctx) {
      const user = userOf(ctx);
      const rows = await strapi.db.query(UID.notification).findMany({
        where: { userId: user.id },
        orderBy: { id: 'desc' },
        limit: 50,
        select: ['id', 'title', 'body', 'targetUid', 'targetDocumentId', 'readAt', 'createdAt'],
      });
      const unread = await strapi.db
        .query(UID.notification)
        .count({ where: { userId: user.id, readAt: null } });
      ctx.body = { data: rows, meta: { unread } };
    },

    async markRead(ctx: Ctx) {
      const user = userOf(ctx);
      const updated = await strapi.db.query(UID.notification).updateMany({
        where: { id: parseInput(id, ctx.params.id), userId: user.id },
        data: { readAt: new Date() },
      });
      if (updated.count !== 1) throw new errors.NotFoundError('Không tìm thấy thông báo.');
      ctx.body = { data: { read: true } };
    },
  };
};

export default notificationsController;
