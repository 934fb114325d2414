import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CODE_RULES, PRIVACY_POLICY_SERIES } from '@sgd/config';
import { coreService, vietnamDate } from '@sgd/plugin-core';
import { UID, USER_UID } from '../constants';
import { maskIdentifier, type Identifier } from '@sgd/contracts';
import { passwordProblem } from '../lib/password';
import type { DeliveryError } from './messenger';
import { accountsService } from '../utils/get-service';

type Row = Record<string, unknown>;
export interface UserRow {
  id: number;
  documentId: string;
  username: string;
  email: string | null;
  phone: string | null;
  fullName: string | null;
  password: string;
  confirmed: boolean;
  blocked: boolean;
  consentPolicyVersion: string | null;
  consentAt: string | null;
  deletedAt: string | null;
  createdAt: string;
  role?: { id: number; type: string; name: string } | null;
}
type Purpose = 'activate' | 'reset';

/** The same answer whether or not an account exists: nothing to learn from register, resend or forgot. */
export const SENT_MESSAGE = (to: Identifier) =>
  `Nếu thông tin hợp lệ, mã gồm ${CODE_RULES.digits} chữ số đã được gửi tới ${maskIdentifier(to)}. ` +
  `Mã có hiệu lực trong ${CODE_RULES.ttlMinutes} phút.`;
export const BAD_CODE =
  'Mã không đúng, đã hết hạn hoặc đã bị hủy do nhập sai quá nhiều lần. Hãy yêu cầu mã mới.';
export const BAD_LOGIN = 'Email/số điện thoại hoặc mật khẩu không đúng.';

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

type Message = { subject: string; text: string; sms: string };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => coreService(strapi, 'outbox');
  const messenger = () => accountsService(strapi, 'messenger');
  const users = () =>
    strapi.plugin('users-permissions').service('user') as {
      add(values: Row): Promise<UserRow>;
      edit(id: number, values: Row): Promise<UserRow>;
      validatePassword(password: string, hash: string): Promise<boolean>;
    };
  const clock = () => new Date();
  const secret = () => String(strapi.config.get('plugin::users-permissions.jwtSecret') ?? '');
  const hash = (code: string, target: string, purpose: Purpose) =>
    crypto.createHmac('sha256', secret()).update(`${purpose}:${target}:${code}`).digest('hex');
  // A fixed bcrypt hash to compare against when there is no account, so timing tells nothing.
  const DUMMY_HASH = '$2a$10$B1ffBbkpu9rNeQylr1lrWeYQVZu9kuUBXJifGBBZ8vnPvsSSnpZ6y';

  async function findUser(id: Identifier): Promise<UserRow | null> {
    return (await strapi.db.query(USER_UID).findOne({
      where: id.channel === 'email' ? { email: id.value } : { phone: id.value },
      populate: ['role'],
    })) as UserRow | null;
  }

  async function roleId(type: string): Promise<number> {
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } })) as {
      id: number;
    } | null;
    if (!role) throw new Error(`Thiếu vai trò ${type}`);
    return role.id;
  }

  async function currentPolicyVersion(): Promise<string | null> {
    const today = vietnamDate(clock());
    const doc = (await strapi.db.query('api::legal-document.legal-document').findOne({
      where: {
        series: PRIVACY_POLICY_SERIES,
        effectiveFrom: { $lte: today },
        publishedAt: { $notNull: true },
      },
      orderBy: { effectiveFrom: 'desc' },
      select: ['version'],
    })) as { version: string } | null;
    return doc?.version ?? null;
  }

  /** Makes a new code (replacing any live one), sends it; honours the resend cool-down silently. */
  async function issueCode(
    user: UserRow,
    to: Identifier,
    purpose: Purpose,
    text: (code: string) => Message,
    send: (to: Identifier, message: Message) => Promise<void> = (...args) => messenger().send(...args),
  ): Promise<void> {
    const previous = (await strapi.db.query(UID.code).findOne({ where: { purpose, target: to.value } })) as {
      sentAt: string;
    } | null;
    const at = clock();
    if (
      previous &&
      at.getTime() - new Date(previous.sentAt).getTime() < CODE_RULES.resendCooldownSeconds * 1000
    ) {
      return;
    }
    const code = String(crypto.randomInt(0, 10 ** CODE_RULES.digits)).padStart(CODE_RULES.digits, '0');
    await strapi.db.query(UID.code).deleteMany({ where: { purpose, target: to.value } });
    await strapi.db.query(UID.code).create({
      data: {
        purpose,
        channel: to.channel,
        target: to.value,
        userId: user.id,
        codeHash: hash(code, to.value, purpose),
        expiresAt: new Date(at.getTime() + CODE_RULES.ttlMinutes * 60_000),
        attempts: 0,
        sentAt: at,
      },
    });
    try {
      await send(to, text(code));
    } catch (error) {
      // Not sent: no cool-down for a code nobody received, the person can ask again at once.
      await strapi.db.query(UID.code).deleteMany({ where: { purpose, target: to.value } });
      throw error;
    }
  }

  /** Checks a code; wrong tries count, and the code dies after the last allowed one. */
  async function useCode(to: Identifier, purpose: Purpose, code: unknown): Promise<number> {
    const row = (await strapi.db.query(UID.code).findOne({ where: { purpose, target: to.value } })) as {
      id: number;
      userId: number;
      codeHash: string;
      expiresAt: string;
      attempts: number;
    } | null;
    const given = typeof code === 'string' ? code.trim() : '';
    if (!row || new Date(row.expiresAt) <= clock() || row.attempts >= CODE_RULES.maxAttempts) {
      throw new errors.ValidationError(BAD_CODE);
    }
    const expected = Buffer.from(row.codeHash, 'hex');
    const actual = Buffer.from(hash(given, to.value, purpose), 'hex');
    if (!/^\d+$/.test(given) || !crypto.timingSafeEqual(expected, actual)) {
      await strapi.db.query(UID.code).update({ where: { id: row.id }, data: { attempts: row.attempts + 1 } });
      throw new errors.ValidationError(BAD_CODE);
    }
    await strapi.db.query(UID.code).delete({ where: { id: row.id } });
    return row.userId;
  }

  const activationText = (name: string) => (code: string) => ({
    subject: `Mã kích hoạt tài khoản Sàn giao dịch: ${code}`,
    text:
      `Xin chào ${name},\n\nMã kích hoạt tài khoản của bạn là ${code}. Mã có hiệu lực trong ${CODE_RULES.ttlMinutes} phút.\n` +
      'Nếu bạn không đăng ký tài khoản trên Sàn giao dịch điện tử, hãy bỏ qua thư này.\n\nBan quản lý Sàn giao dịch điện tử',
    sms: `Ma kich hoat tai khoan San giao dich: ${code}. Hieu luc ${CODE_RULES.ttlMinutes} phut. Khong chia se ma nay.`,
  });
  const resetText = (code: string) => ({
    subject: `Mã đặt lại mật khẩu Sàn giao dịch: ${code}`,
    text:
      `Mã đặt lại mật khẩu của bạn là ${code}. Mã có hiệu lực trong ${CODE_RULES.ttlMinutes} phút.\n` +
      'Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.\n\n' +
      'Ban quản lý Sàn giao dịch điện tử',
    sms: `Ma dat lai mat khau San giao dich: ${code}. Hieu luc ${CODE_RULES.ttlMinutes} phut. Khong chia se ma nay.`,
  });
  const alreadyText = () => ({
    subject: 'Có yêu cầu đăng ký mới bằng địa chỉ của bạn',
    text:
      'Ai đó (có thể là bạn) vừa đăng ký tài khoản Sàn giao dịch điện tử bằng địa chỉ này, nhưng địa chỉ đã có ' +
      'tài khoản. Nếu là bạn, hãy đăng nhập hoặc dùng "Quên mật khẩu". Nếu không, hãy bỏ qua thư này.\n\n' +
      'Ban quản lý Sàn giao dịch điện tử',
    sms: 'San giao dich: so dien thoai nay da co tai khoan. Neu ban quen mat khau, hay dung chuc nang Quen mat khau.',
  });

  /**
   * Email through the outbox (retried while the mail server is down), sent at once rather than at
   * the outbox job's next tick; SMS through the gateway. In development the message is also logged,
   * as `messenger` does for mail it cannot send.
   */
  async function sendLater(to: Identifier, message: Message): Promise<void> {
    if (to.channel === 'sms') return messenger().send(to, message);
    const now = clock();
    await outbox().enqueue({ to: to.value, subject: message.subject, body: message.text }, now);
    if ((strapi.config.get('plugin::accounts') as { emailLogFallback?: boolean }).emailLogFallback)
      strapi.log.info(`[Thư tới ${to.value}, qua hộp thư đi] ${message.subject}\n${message.text}`);
    await outbox().deliver(now);
  }

  /** A new code for an account that may have one, if there is such an account (nobody is told). */
  async function sendCode(to: Identifier, purpose: Purpose): Promise<void> {
    const user = await findUser(to);
    if (!user || user.deletedAt || user.blocked) return;
    if (purpose === 'activate' && !user.confirmed) {
      await issueCode(user, to, 'activate', activationText(user.fullName ?? 'bạn'), sendLater);
    } else if (purpose === 'reset' && user.confirmed) {
      await issueCode(user, to, 'reset', resetText, sendLater);
    }
  }

  // Work about an account that must not show in the answer's timing: it starts once the answer is
  // on its way. `held` lets a test keep it from starting.
  const pending = new Set<Promise<void>>();
  let held: Promise<void> = Promise.resolve();
  function afterAnswer(work: () => Promise<void>): void {
    const task = Promise.all([held, new Promise((resolve) => setImmediate(resolve))])
      .then(work)
      .catch((error: unknown) => {
        strapi.log.warn(`Chưa gửi được mã: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => pending.delete(task));
    pending.add(task);
  }

  return {
    findUser,
    currentPolicyVersion,

    /** Resolves once the work started after earlier answers is done (tests, shutdown). */
    async settled(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },

    /** For tests: work after answers waits until the returned function is called. */
    hold(): () => void {
      let release = () => {};
      held = new Promise((resolve) => (release = resolve));
      return () => {
        release();
        held = Promise.resolve();
      };
    },

    /** Registers (or refreshes a pending registration) and sends the activation code. */
    async register(input: { to: Identifier; password: string; fullName: string }): Promise<string> {
      if (input.to.channel === 'sms' && !messenger().smsAvailable()) {
        throw fieldError('identifier', 'Hiện chưa đăng ký được bằng số điện thoại. Hãy dùng địa chỉ email.');
      }
      const problem = passwordProblem(input.password, [input.to.value]);
      if (problem) throw fieldError('password', problem);
      const version = await currentPolicyVersion();
      const existing = await findUser(input.to);
      const consent = { consentPolicyVersion: version, consentAt: clock() };
      if (existing && (existing.confirmed || existing.deletedAt)) {
        await users().validatePassword(input.password, DUMMY_HASH);
        if (!existing.deletedAt) await messenger().send(input.to, alreadyText());
        return SENT_MESSAGE(input.to);
      }
      let user = existing;
      if (user) {
        user = await users().edit(user.id, {
          password: input.password,
          fullName: input.fullName,
          ...consent,
        });
      } else {
        user = await users().add({
          username: `${input.to.channel === 'email' ? 'e' : 'p'}-${crypto.randomUUID()}`,
          ...(input.to.channel === 'email' ? { email: input.to.value } : { phone: input.to.value }),
          fullName: input.fullName,
          password: input.password,
          provider: 'local',
          confirmed: false,
          blocked: false,
          role: await roleId('authenticated'),
          ...consent,
        });
      }
      await issueCode(user, input.to, 'activate', activationText(input.fullName));
      return SENT_MESSAGE(input.to);
    },

    async activate(to: Identifier, code: unknown): Promise<UserRow> {
      const userId = await useCode(to, 'activate', code);
      await strapi.db.query(USER_UID).update({ where: { id: userId }, data: { confirmed: true } });
      return (await strapi.db
        .query(USER_UID)
        .findOne({ where: { id: userId }, populate: ['role'] })) as UserRow;
    },

    /**
     * Sends a new code (activation, or password reset for `forgot`) if the account may have one.
     * The answer is the same and takes the same time whether or not the account exists: it does not
     * look the account up; that, the code and the message happen after it is sent.
     */
    resend(to: Identifier, purpose: Purpose): string {
      afterAnswer(() => sendCode(to, purpose));
      return SENT_MESSAGE(to);
    },

    async login(to: Identifier, password: unknown): Promise<UserRow> {
      const user = await findUser(to);
      const given = typeof password === 'string' ? password : '';
      const ok = await users().validatePassword(given, user?.password ?? DUMMY_HASH);
      if (!user || !ok || user.deletedAt) throw new errors.ValidationError(BAD_LOGIN);
      if (!user.confirmed) {
        throw new errors.ApplicationError('Tài khoản chưa kích hoạt. Hãy nhập mã kích hoạt đã gửi cho bạn.', {
          code: 'not_activated',
        });
      }
      if (user.blocked) {
        throw new errors.PolicyError(
          'Tài khoản đã bị khóa. Xem thư thông báo lý do hoặc liên hệ Ban quản lý Sàn để được hỗ trợ.',
        );
      }
      return user;
    },

    forgot(to: Identifier): string {
      return this.resend(to, 'reset');
    },

    async reset(to: Identifier, code: unknown, password: unknown): Promise<void> {
      const problem = passwordProblem(password, [to.value]);
      if (problem) throw fieldError('password', problem);
      const userId = await useCode(to, 'reset', code);
      await users().edit(userId, { password: password as string });
      await strapi.db.query(UID.code).deleteMany({ where: { userId } });
    },

    /** Password check for sensitive actions of a signed-in user (deleting the account). */
    async checkPassword(userId: number, password: unknown): Promise<void> {
      const user = (await strapi.db.query(USER_UID).findOne({ where: { id: userId } })) as UserRow | null;
      const ok = await users().validatePassword(
        typeof password === 'string' ? password : '',
        user?.password ?? DUMMY_HASH,
      );
      if (!ok) throw fieldError('password', 'Mật khẩu không đúng.');
    },
  };
};

export type { DeliveryError };
