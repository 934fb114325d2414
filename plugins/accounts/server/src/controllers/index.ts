import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { coreService, parseInput, vietnamDate } from '@sgd/plugin-core';
import { DATA_REQUEST_KINDS, LEGAL_FORM_CODES, licenceTypes } from '@sgd/config';
import { z } from 'zod';
import {
  activateFields,
  businessFields,
  dataRequestFields,
  forgotFields,
  fullNameField,
  identifierField,
  licenceFields,
  passwordField,
  registerFields,
  resetFields,
  signInFields,
} from '@sgd/contracts';
import type { UserRow } from '../services/accounts';
import type { UploadedFile } from '../services/business';
import staff from './staff';
import { DeliveryError } from '../services/messenger';
import { accountsService } from '../utils/get-service';

export interface Ctx {
  request: { body?: unknown; files?: Record<string, unknown>; is(type: string): string | false | null };
  state: { user?: { id: number } };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

const strict = 'Biểu mẫu có trường không được phép.';

const businessRules = { legalForms: LEGAL_FORM_CODES, licenceTypes };
const business = z
  .object(businessFields(businessRules))
  .strict('Biểu mẫu có trường không được phép (trạng thái, chủ sở hữu, sở phụ trách do Sàn quản lý).');
const licence = z.object(licenceFields(businessRules)).strict('Giấy phép có trường không được phép.');

const schemas = {
  declare: z
    .object({ business, licences: z.array(licence).max(20, 'Tối đa 20 giấy phép mỗi lần.').default([]) })
    .strict(strict),
  revise: z.object({ business: business.partial() }).strict(strict),
  register: z.object(registerFields).strict(strict),
  activate: z.object(activateFields).strict(strict),
  resend: z
    .object({ identifier: identifierField, purpose: z.enum(['activate', 'reset']).default('activate') })
    .strict(strict),
  login: z.object(signInFields).strict(strict),
  forgot: z.object(forgotFields).strict(strict),
  reset: z.object(resetFields).strict(strict),
  profile: z
    .object({ fullName: fullNameField })
    .strict('Chỉ sửa được họ và tên ở đây; email, số điện thoại và vai trò không sửa được.'),
  remove: z.object({ password: passwordField }).strict(strict),
  signOutEverywhere: z.object({}).strict(strict),
  dataRequest: z.object(dataRequestFields(DATA_REQUEST_KINDS.map((k) => k.code))).strict(strict),
};

const body = <K extends keyof typeof schemas>(ctx: Ctx, name: K) =>
  parseInput(schemas[name], ctx.request.body) as z.infer<(typeof schemas)[K]>;

const controllers = ({ strapi }: { strapi: Core.Strapi }) => {
  const accounts = () => accountsService(strapi, 'accounts');
  const personal = () => accountsService(strapi, 'personal-data');
  const session = async (user: UserRow) => ({
    jwt: await accountsService(strapi, 'sessions').issue(user),
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
  const business = () => accountsService(strapi, 'business');
  /**
   * JSON, or multipart with the JSON in `data`, licence scans in `scan_0`, `scan_1`… and the
   * citizen-ID scan in `citizenIdScan`.
   */
  const formBody = (ctx: Ctx): unknown => {
    if (!ctx.request.is('multipart')) return ctx.request.body;
    const raw = (ctx.request.body as { data?: unknown } | undefined)?.data;
    try {
      return typeof raw === 'string' ? JSON.parse(raw) : raw;
    } catch {
      throw new errors.ValidationError('Dữ liệu biểu mẫu không đọc được.');
    }
  };
  const fileOf = (ctx: Ctx, field: string) => {
    const file = ctx.request.files?.[field];
    return (Array.isArray(file) ? file[0] : (file ?? null)) as UploadedFile | null;
  };
  const scans = (ctx: Ctx, count: number) =>
    Array.from({ length: count }, (_, i) => fileOf(ctx, `scan_${i}`));
  const mine = () => accountsService(strapi, 'mine');
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
        ctx.status = 202;
        ctx.body = { data: { message: accounts().resend(input.identifier, input.purpose) } };
      },
      async login(ctx: Ctx) {
        const input = body(ctx, 'login');
        ctx.body = { data: await session(await accounts().login(input.identifier, input.password)) };
      },
      async forgot(ctx: Ctx) {
        const input = body(ctx, 'forgot');
        ctx.status = 202;
        ctx.body = { data: { message: accounts().forgot(input.identifier) } };
      },
      async reset(ctx: Ctx) {
        const input = body(ctx, 'reset');
        await accounts().reset(input.identifier, input.code, input.password);
        ctx.body = { data: { message: 'Đã đặt lại mật khẩu. Hãy đăng nhập bằng mật khẩu mới.' } };
      },
    },
    business: {
      async view(ctx: Ctx) {
        ctx.body = { data: await business().view(me(ctx)) };
      },
      async declare(ctx: Ctx) {
        const userId = me(ctx);
        const input = parseInput(schemas.declare, formBody(ctx));
        ctx.status = 201;
        ctx.body = {
          data: await business().declare(
            userId,
            input.business,
            input.licences,
            scans(ctx, input.licences.length),
            fileOf(ctx, 'citizenIdScan'),
          ),
        };
      },
      async revise(ctx: Ctx) {
        const userId = me(ctx);
        const input = parseInput(schemas.revise, formBody(ctx));
        ctx.body = { data: await business().revise(userId, input.business, fileOf(ctx, 'citizenIdScan')) };
      },
    },
    mine: {
      async list(ctx: Ctx & { params: { type: string } }) {
        ctx.body = { data: await mine().list(ctx.params.type, me(ctx)) };
      },
      async read(ctx: Ctx & { params: { type: string; documentId: string } }) {
        ctx.body = { data: await mine().read(ctx.params.type, me(ctx), ctx.params.documentId) };
      },
      async create(ctx: Ctx & { params: { type: string } }) {
        const userId = me(ctx);
        ctx.status = 201;
        ctx.body = {
          data: await mine().create(
            ctx.params.type,
            userId,
            (ctx.request.body as { data?: unknown } | undefined)?.data,
          ),
        };
      },
      async update(ctx: Ctx & { params: { type: string; documentId: string } }) {
        const userId = me(ctx);
        ctx.body = {
          data: await mine().update(
            ctx.params.type,
            userId,
            ctx.params.documentId,
            (ctx.request.body as { data?: unknown } | undefined)?.data,
          ),
        };
      },
      async submit(ctx: Ctx & { params: { type: string; documentId: string } }) {
        ctx.body = { data: await mine().submit(ctx.params.type, me(ctx), ctx.params.documentId) };
      },
      /** Multipart, field `images` (one or more files). */
      async addImages(ctx: Ctx & { params: { type: string; documentId: string } }) {
        const userId = me(ctx);
        const sent = ctx.request.files?.images;
        const files = (Array.isArray(sent) ? sent : sent ? [sent] : []) as UploadedFile[];
        ctx.body = { data: await mine().addImages(ctx.params.type, userId, ctx.params.documentId, files) };
      },
      async removeImage(ctx: Ctx & { params: { type: string; documentId: string; fileId: string } }) {
        const userId = me(ctx);
        const fileId = Number(ctx.params.fileId);
        if (!Number.isSafeInteger(fileId) || fileId < 1)
          throw new errors.NotFoundError('Không tìm thấy ảnh này trong nội dung của bạn.');
        ctx.body = { data: await mine().removeImage(ctx.params.type, userId, ctx.params.documentId, fileId) };
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
          // Named with the day in Vietnam (a download at 6 a.m. there is still "yesterday" in UTC).
          `attachment; filename="du-lieu-cua-toi-${vietnamDate(coreService(strapi, 'clock').now())}.json"`,
        );
        ctx.set('Cache-Control', 'no-store');
        ctx.body = data;
      },
      async requests(ctx: Ctx) {
        ctx.body = { data: await personal().requests(me(ctx)) };
      },
      async request(ctx: Ctx) {
        const userId = me(ctx);
        const input = body(ctx, 'dataRequest');
        ctx.status = 201;
        ctx.body = { data: await personal().request(userId, input) };
      },
      async remove(ctx: Ctx) {
        const userId = me(ctx);
        const input = body(ctx, 'remove');
        await accounts().checkPassword(userId, input.password);
        await personal().remove(userId);
        ctx.body = { data: { message: 'Đã xóa tài khoản và dữ liệu cá nhân của bạn.' } };
      },
      async signOutEverywhere(ctx: Ctx) {
        const userId = me(ctx);
        parseInput(schemas.signOutEverywhere, ctx.request.body);
        await accountsService(strapi, 'sessions').endAll(userId);
        ctx.body = {
          data: { message: 'Đã đăng xuất khỏi mọi thiết bị. Hãy đăng nhập lại để tiếp tục.' },
        };
      },
    },
  };
};

export default {
  auth: (deps: { strapi: Core.Strapi }) => controllers(deps).auth,
  me: (deps: { strapi: Core.Strapi }) => controllers(deps).me,
  business: (deps: { strapi: Core.Strapi }) => controllers(deps).business,
  mine: (deps: { strapi: Core.Strapi }) => controllers(deps).mine,
  staff,
};
