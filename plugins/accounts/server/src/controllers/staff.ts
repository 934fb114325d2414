import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseInput } from '@sgd/plugin-core';
import { z } from 'zod';

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

/** Admin routes for staff (`/accounts/...`), with the workflow's officer scope. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async users(ctx: { state: { user?: { id: number } }; query: unknown; body: unknown }) {
    if (!ctx.state.user) throw new errors.UnauthorizedError('Cần đăng nhập.');
    const officer = await (
      strapi.plugin('workflow').service('staff') as {
        officer(id: number): Promise<{ id: number; superAdmin: boolean; departmentIds: number[] }>;
      }
    ).officer(ctx.state.user.id);
    if (!officer.superAdmin && officer.departmentIds.length === 0) {
      throw new errors.PolicyError('Tài khoản của bạn chưa được gán vào sở nào. Liên hệ quản trị viên.');
    }
    const input = parseInput(query, ctx.query);
    ctx.body = await (
      strapi.plugin('accounts').service('staff-users') as ReturnType<
        typeof import('../services/staff-users').default
      >
    ).search(officer, input.q, input.page, input.pageSize);
  },
});
