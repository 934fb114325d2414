import { defineAction } from 'astro:actions';
import { z } from 'zod';
import { callAccounts, refusal, text, unreadAnswer } from '../lib/account';
import { signedIn } from './signed-in';

/** The fields of a business declaration and of its first licence (`licence_<field>` in the form). */
export const BUSINESS_FIELDS = [
  'legalForm',
  'name',
  'enterpriseCode',
  'citizenId',
  'representative',
  'phone',
  'email',
  'address',
  'commune',
  'description',
] as const;
export const LICENCE_FIELDS = ['type', 'number', 'issuer', 'issuedOn', 'expiresOn'] as const;

const MAX_FIELD = 5000;

/**
 * The declaration form as the CMS takes it: the fields as JSON in `data` (an empty field is none),
 * the scans as files beside it (`scan_0` for the licence, `citizenIdScan`), kept privately for the
 * verifying department. The CMS checks every field and file.
 */
const declaration = (withLicence: boolean) =>
  z.instanceof(FormData).transform((form, context) => {
    const value = (name: string) => {
      const typed = text(form, name);
      if (typed.length > MAX_FIELD)
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: [name],
          message: `Tối đa ${MAX_FIELD} ký tự.`,
        });
      return typed || null;
    };
    const business = Object.fromEntries(BUSINESS_FIELDS.map((field) => [field, value(field)]));
    const licence = Object.fromEntries(LICENCE_FIELDS.map((field) => [field, value(`licence_${field}`)]));
    const body = new FormData();
    body.set(
      'data',
      JSON.stringify(withLicence ? { business, licences: licence.type ? [licence] : [] } : { business }),
    );
    const attach = (field: string, as: string) => {
      const file = form.get(field);
      if (file instanceof File && file.size > 0) body.set(as, file, file.name);
    };
    if (withLicence) attach('licence_scan', 'scan_0');
    attach('citizen_id_scan', 'citizenIdScan');
    return body;
  });

/** Declaring my business for verification by the Sở Công Thương, and correcting it when asked. */
export const business = {
  declare: defineAction({
    accept: 'form',
    input: declaration(true),
    handler: async (body, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callAccounts('POST', '/business', unreadAnswer, { token, form: body });
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),

  revise: defineAction({
    accept: 'form',
    input: declaration(false),
    handler: async (body, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callAccounts('PUT', '/business', unreadAnswer, { token, form: body });
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),
};
