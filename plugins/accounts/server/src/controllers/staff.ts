import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseInput } from '@sgd/plugin-core';
import { z } from 'zod';
import { LICENCE_UID, SELLER_UID } from '../constants';
import { workflowService } from '@sgd/plugin-workflow';
import { accountsService } from '../utils/get-service';

const query = z
  .object({
    q: z
      .string({ required_error: 'Nhập tên, email hoặc số điện thoại để tìm.' })
      .trim()
      .min(2, 'Nhập ít nhất 2 ký tự để tìm.')
      .max(100, 'Chuỗi tìm kiếm quá dài.'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, 'Tối đa 100 người mỗi trang.').default(20),
  })
  .strict('Tham số không được hỗ trợ.');

const itemQuery = z
  .object({
    uid: z.enum([SELLER_UID, LICENCE_UID], {
      errorMap: () => ({ message: 'Chỉ hồ sơ người bán và giấy phép có tệp riêng tư.' }),
    }),
    documentId: z.string().min(1).max(64),
  })
  .strict('Tham số không được hỗ trợ.');
const idParam = z.coerce
  .number({ invalid_type_error: 'Mã không hợp lệ.' })
  .int('Mã không hợp lệ.')
  .positive('Mã không hợp lệ.');

export interface StaffCtx {
  state: { user?: { id: number } };
  params: Record<string, string>;
  query: unknown;
  body: unknown;
  set(name: string, value: string): void;
  type: string;
}

/** Admin routes for staff (`/accounts/...`), with the workflow's officer scope. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const officerOf = async (ctx: StaffCtx) => {
    if (!ctx.state.user) throw new errors.UnauthorizedError('Cần đăng nhập.');
    const officer = await workflowService(strapi, 'staff').officer(ctx.state.user.id);
    if (!officer.superAdmin && officer.departmentIds.length === 0) {
      throw new errors.PolicyError('Tài khoản của bạn chưa được gán vào sở nào. Liên hệ quản trị viên.');
    }
    return officer;
  };
  const users = () => accountsService(strapi, 'staff-users');
  const files = () => accountsService(strapi, 'private-files');

  return {
    async users(ctx: StaffCtx) {
      const officer = await officerOf(ctx);
      const input = parseInput(query, ctx.query);
      ctx.body = await users().search(officer, input.q, input.page, input.pageSize);
    },

    /** One site user in my scope, with the lock state (the user's page in the admin). */
    async user(ctx: StaffCtx) {
      const officer = await officerOf(ctx);
      ctx.body = { data: await users().one(officer, parseInput(idParam, ctx.params.id)) };
    },

    /** The private files of a seller or a licence, for the verifying department's staff. */
    async files(ctx: StaffCtx) {
      const officer = await officerOf(ctx);
      const input = parseInput(itemQuery, ctx.query);
      ctx.body = { data: await files().forOfficer(officer, input.uid, input.documentId) };
    },

    /** A private file's bytes, never cached, never sniffed into something else by the browser. */
    async file(ctx: StaffCtx) {
      const officer = await officerOf(ctx);
      const { file, stream } = await files().open(officer, parseInput(idParam, ctx.params.id));
      ctx.type = file.mime;
      ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.body = stream;
    },
  };
};
