import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseInput } from '@sgd/plugin-core';
import { z } from 'zod';
import { parseIdentifier, type Identifier } from '../lib/identifier';
import type { UserRow } from '../services/accounts';
import { DeliveryError } from '../services/messenger';

export interface Ctx {
  request: { body?: unknown };
  state: { user?: { id: number } };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

const identifier = z
  .string({
    required_error: 'Hãy nhập email hoặc số điện thoại.',
    invalid_type_error: 'Hãy nhập email hoặc số điện thoại.',
  })
  .max(254, 'Email hoặc số điện thoại quá dài.')
  .transform((value, context): Identifier => {
    const parsed = parseIdentifier(value);
    if (!parsed) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'Email hoặc số điện thoại di động chưa đúng (ví dụ: ten@example.vn hoặc 0912345678).',
      });
      return z.NEVER;
    }
    return parsed;
  });
const password = z
  .string({ required_error: 'Hãy nhập mật khẩu.', invalid_type_error: 'Hãy nhập mật khẩu.' })
  .max(1000, 'Mật khẩu quá dài.');
const code = z
  .string({ required_error: 'Hãy nhập mã.', invalid_type_error: 'Hãy nhập mã.' })
  .max(20, 'Mã không đúng.');
const fullName = z
  .string({ required_error: 'Hãy nhập họ và tên.', invalid_type_error: 'Hãy nhập họ và tên.' })
  .trim()
  .min(2, 'Hãy nhập họ và tên.')
  .max(150, 'Họ và tên quá dài (tối đa 150 ký tự).');
const strict = 'Biểu mẫu có trường không được phép.';

const schemas = {
  register: z
    .object({
      identifier,
      password,
      fullName,
      acceptPrivacy: z.literal(true, {
        errorMap: () => ({ message: 'Bạn cần đọc và đồng ý với Chính sách bảo vệ dữ liệu cá nhân.' }),
      }),
    })
    .strict(strict),
  activate: z.object({ identifier, code }).strict(strict),
  resend: z.object({ identifier, purpose: z.enum(['activate', 'reset']).default('activate') }).strict(strict),
  login: z.object({ identifier, password }).strict(strict),
  forgot: z.object({ identifier }).strict(strict),
  reset: z.object({ identifier, code, password }).strict(strict),
  profile: z
    .object({ fullName })
    .strict('Chỉ sửa được họ và tên ở đây; email, số điện thoại và vai trò không sửa được.'),
  remove: z.object({ password }).strict(strict),
};

const body = <K extends keyof typeof schemas>(ctx: Ctx, name: K) =>
  parseInput(schemas[name], ctx.request.body) as z.infer<(typeof schemas)[K]>;

const controllers = ({ strapi }: { strapi: Core.Strapi }) => {
  const accounts = () =>
    strapi.plugin('accounts').service('accounts') as ReturnType<
      typeof import('../services/accounts').default
    >;
  const personal = () =>
    strapi.plugin('accounts').service('personal-data') as ReturnType<
      typeof import('../services/personal-data').default
    >;
  const session = async (user: UserRow) => ({
    jwt: await (
      strapi.plugin('users-permissions').service('jwt') as { issue(p: object): string | Promise<string> }
    ).issue({
      id: user.id,
    }),
    user: await personal().profile(user.id),
  });
  /** Delivery failures are 503 with the message; everything else goes on to Strapi's error handler. */
  const delivering = async (ctx: Ctx, work: () => Promise<string>) => {
    try {
      ctx.status = 202;
      ctx.body = { data: { message: await work() } };
    } catch (error) {
      if (error instanceof DeliveryError) {
        ctx.status = 503;
        ctx.body = {
          data: null,
          error: { status: 503, name: 'ServiceUnavailableError', message: error.message, details: {} },
        };
        return;
      }
      throw error;
    }
  };
  const me = (ctx: Ctx) => {
    if (!ctx.state.user) throw new errors.UnauthorizedError('Cần đăng nhập.');
    return ctx.state.user.id;
  };

  return {
    auth: {
      async register(ctx: Ctx) {
        const input = body(ctx, 'register');
        await delivering(ctx, () =>
          accounts().register({ to: input.identifier, password: input.password, fullName: input.fullName }),
        );
      },
      async activate(ctx: Ctx) {
        const input = body(ctx, 'activate');
        ctx.body = { data: await session(await accounts().activate(input.identifier, input.code)) };
      },
      async resend(ctx: Ctx) {
        const input = body(ctx, 'resend');
        await delivering(ctx, () => accounts().resend(input.identifier, input.purpose));
      },
      async login(ctx: Ctx) {
        const input = body(ctx, 'login');
        ctx.body = { data: await session(await accounts().login(input.identifier, input.password)) };
      },
      async forgot(ctx: Ctx) {
        const input = body(ctx, 'forgot');
        await delivering(ctx, () => accounts().forgot(input.identifier));
      },
      async reset(ctx: Ctx) {
        const input = body(ctx, 'reset');
        await accounts().reset(input.identifier, input.code, input.password);
        ctx.body = { data: { message: 'Đã đặt lại mật khẩu. Hãy đăng nhập bằng mật khẩu mới.' } };
      },
    },
    me: {
      async profile(ctx: Ctx) {
        ctx.body = { data: await personal().profile(me(ctx)) };
      },
      async update(ctx: Ctx) {
        const userId = me(ctx);
        const input = body(ctx, 'profile');
        ctx.body = { data: await personal().update(userId, input) };
      },
      async export(ctx: Ctx) {
        const data = await personal().export(me(ctx));
        ctx.set(
          'Content-Disposition',
          `attachment; filename="du-lieu-cua-toi-${new Date().toISOString().slice(0, 10)}.json"`,
        );
        ctx.set('Cache-Control', 'no-store');
        ctx.body = data;
      },
      async remove(ctx: Ctx) {
        const userId = me(ctx);
        const input = body(ctx, 'remove');
        await accounts().checkPassword(userId, input.password);
        await personal().remove(userId);
        ctx.body = { data: { message: 'Đã xóa tài khoản và dữ liệu cá nhân của bạn.' } };
      },
    },
  };
};

export default {
  auth: (deps: { strapi: Core.Strapi }) => controllers(deps).auth,
  me: (deps: { strapi: Core.Strapi }) => controllers(deps).me,
};
