import { defineAction } from 'astro:actions';
import { z } from 'zod';
import {
  activateFields,
  dataRequestFields,
  fullNameField,
  passwordField,
  forgotFields,
  newPasswordCheck,
  privacyConsentField,
  registerFields,
  resetFields,
  signInFields,
} from '@sgd/contracts';
import { DATA_REQUEST_KINDS, PASSWORD_POLICY } from '@sgd/config';
import {
  PENDING_COOKIE,
  callAccounts,
  endSession,
  profileSchema,
  unreadAnswer,
  messageSchema,
  refusal,
  rememberPending,
  sessionSchema,
  startSession,
} from '../lib/account';
import { signedIn } from './signed-in';

/** The messages the CMS answers when an account exists but waits for its activation code. */
const NOT_ACTIVATED = 'Tài khoản chưa kích hoạt';

/**
 * Signing in, registering, activating and resetting a password: the CMS's own rules
 * (`@sgd/contracts`) checked first, then the CMS asked; the session lives in an httpOnly cookie.
 */
export const account = {
  signIn: defineAction({
    accept: 'form',
    input: z.object(signInFields),
    handler: async ({ identifier, password }, context) => {
      const res = await callAccounts('POST', '/login', sessionSchema, {
        json: { identifier: identifier.value, password },
      });
      if (res.ok) {
        startSession(context.cookies, context.url, res.data.jwt);
        return { ok: true as const };
      }
      const notActivated = res.message.startsWith(NOT_ACTIVATED);
      if (notActivated) rememberPending(context.cookies, context.url, identifier.value);
      return { ...refusal(res), notActivated };
    },
  }),

  register: defineAction({
    accept: 'form',
    input: z
      .object({
        ...registerFields,
        // The box sends `dong-y` when ticked, nothing otherwise: no consent unless the person ticks it.
        acceptPrivacy: z.preprocess((value) => value === 'dong-y', privacyConsentField),
      })
      .superRefine(newPasswordCheck(PASSWORD_POLICY)),
    handler: async ({ identifier, ...rest }, context) => {
      const res = await callAccounts('POST', '/register', messageSchema, {
        json: { ...rest, identifier: identifier.value },
      });
      if (!res.ok) return refusal(res);
      rememberPending(context.cookies, context.url, identifier.value);
      return { ok: true as const };
    },
  }),

  activate: defineAction({
    accept: 'form',
    input: z.object(activateFields),
    handler: async ({ identifier, code }, context) => {
      const res = await callAccounts('POST', '/activate', sessionSchema, {
        json: { identifier: identifier.value, code },
      });
      if (!res.ok) return refusal(res);
      startSession(context.cookies, context.url, res.data.jwt);
      context.cookies.delete(PENDING_COOKIE, { path: '/tai-khoan' });
      return { ok: true as const };
    },
  }),

  resendCode: defineAction({
    accept: 'form',
    input: z.object(forgotFields),
    handler: async ({ identifier }) => {
      const res = await callAccounts('POST', '/resend', messageSchema, {
        json: { identifier: identifier.value, purpose: 'activate' },
      });
      return res.ok ? { ok: true as const, message: res.data.message } : refusal(res);
    },
  }),

  forgotPassword: defineAction({
    accept: 'form',
    input: z.object(forgotFields),
    handler: async ({ identifier }) => {
      const res = await callAccounts('POST', '/password/forgot', messageSchema, {
        json: { identifier: identifier.value },
      });
      return res.ok ? { ok: true as const, message: res.data.message } : refusal(res);
    },
  }),

  resetPassword: defineAction({
    accept: 'form',
    input: z.object(resetFields).superRefine(newPasswordCheck(PASSWORD_POLICY)),
    handler: async ({ identifier, ...rest }) => {
      const res = await callAccounts('POST', '/password/reset', messageSchema, {
        json: { ...rest, identifier: identifier.value },
      });
      return res.ok ? { ok: true as const, message: res.data.message } : refusal(res);
    },
  }),

  /** My name, as the exchange shows it (email, phone and role are not changed here). */
  rename: defineAction({
    accept: 'form',
    input: z.object({ fullName: fullNameField }),
    handler: async ({ fullName }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callAccounts('PUT', '/me', profileSchema, { token, json: { fullName } });
      return res.ok ? { ok: true as const, profile: res.data } : refusal(res);
    },
  }),

  /** A request about my personal data, answered by the exchange's board. */
  requestData: defineAction({
    accept: 'form',
    input: z.object(dataRequestFields(DATA_REQUEST_KINDS.map((kind) => kind.code))),
    handler: async (request, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callAccounts('POST', '/me/data-requests', unreadAnswer, { token, json: request });
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),

  /** Deleting my account, confirmed by my password; the session ends with it. */
  remove: defineAction({
    accept: 'form',
    input: z.object({ password: passwordField }),
    handler: async ({ password }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callAccounts('POST', '/me/delete', messageSchema, { token, json: { password } });
      if (!res.ok) return refusal(res);
      endSession(context.cookies);
      return { ok: true as const };
    },
  }),

  /** Ending every session of my account, this one too. */
  signOutEverywhere: defineAction({
    accept: 'form',
    handler: async (_form, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callAccounts('POST', '/me/sign-out-everywhere', unreadAnswer, { token, json: {} });
      if (!res.ok) return refusal(res);
      endSession(context.cookies);
      return { ok: true as const };
    },
  }),
};
