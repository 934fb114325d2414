import { defineAction } from 'astro:actions';
import { z } from 'zod';
import { declarationSchema } from '@sgd/contracts';
import { LEGAL_FORM_CODES, licenceTypes } from '@sgd/config';
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
export const LICENCE_FIELDS = ['type', 'number', 'issuer', 'issuedOn', 'expiresOn', 'ocopStars'] as const;

const RULES = { legalForms: LEGAL_FORM_CODES, licenceTypes };
const declarationRules = declarationSchema(RULES);

/**
 * The declaration form as the CMS takes it: the fields as JSON in `data` (an empty field is none),
 * the scans as files beside it (`scan_0` for the licence, `citizenIdScan`), kept privately for the
 * verifying department. The CMS's own rules (`declarationSchema` of @sgd/contracts: lengths,
 * identifiers, an enterprise code or a citizen ID, a phone or an email, a licence's dates and OCOP
 * stars) are checked first, each mistake beside its field; the CMS checks them again, and the files.
 */
const declaration = (withLicence: boolean) =>
  z.instanceof(FormData).transform((form, context) => {
    const value = (name: string) => text(form, name) || null;
    const business = Object.fromEntries(BUSINESS_FIELDS.map((field) => [field, value(field)]));
    const licence: Record<string, unknown> = Object.fromEntries(
      LICENCE_FIELDS.map((field) => [field, value(`licence_${field}`)]),
    );
    if (licence.ocopStars !== null) licence.ocopStars = Number(licence.ocopStars);
    const licences = withLicence && licence.type ? [licence] : [];
    const checked = declarationRules.safeParse({ business, licences });
    if (!checked.success) {
      // `business.phone` is the field `phone`; `licences.0.number` the licence's `number`.
      for (const issue of checked.error.issues)
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: [String(issue.path[0] === 'licences' ? (issue.path[2] ?? 'type') : (issue.path[1] ?? ''))],
          message: issue.message,
        });
      return z.NEVER;
    }
    const body = new FormData();
    const data = checked.data;
    body.set('data', JSON.stringify(withLicence ? data : { business: data.business }));
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
