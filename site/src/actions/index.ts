import { defineAction } from 'astro:actions';
import { z } from 'zod';
import { reportFields } from '@sgd/contracts';
import { callApi, refusal, unreadAnswer } from '../lib/account';
import { REPORT_KINDS, REPORT_RULES } from '../lib/reports';
import { account } from './account';
import { business } from './business';
import { complaints } from './complaints';
import { feedback } from './feedback';
import { orders } from './orders';
import { owned } from './owned';

const REPORT_TYPES = REPORT_KINDS.map((kind) => kind.type) as [
  (typeof REPORT_KINDS)[number]['type'],
  ...(typeof REPORT_KINDS)[number]['type'][],
];

/**
 * The site's forms as Astro actions: the input is checked by the same zod rules as the CMS's
 * (`@sgd/contracts`) before the CMS is asked, and who is signed in comes from the middleware
 * (`context.locals.user`). Pages call them with `Astro.callAction`, so a form works without JavaScript
 * and keeps what was typed. An action answers `{ ok: true, … }`, or what the CMS refused
 * (`refusal`): its message, each field's, and the status.
 */
export const server = {
  account,
  business,
  orders,
  complaints,
  owned,
  feedback,
  /**
   * A report of a violation (QC Điều 26.2), signed in or not: the page names what is reported (its
   * kind and document id, from the public item it found). Signed in, the report is tied to the
   * account and carries no name or email.
   */
  report: defineAction({
    accept: 'form',
    input: z.object({
      targetType: z.enum(REPORT_TYPES),
      target: z.string().trim().min(1).max(150),
      ...reportFields(REPORT_RULES),
    }),
    handler: async ({ name, email, ...report }, context) => {
      const session = context.locals.user;
      const res = await callApi('POST', '/reports', unreadAnswer, {
        token: session?.token,
        json: { ...report, ...(session ? {} : { name, email }) },
      });
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),
};
