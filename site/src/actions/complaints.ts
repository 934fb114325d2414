import { defineAction } from 'astro:actions';
import { z } from 'zod';
import { complaintMessageField } from '@sgd/contracts';
import { COMPLAINT_LIMITS } from '@sgd/config';
import { callApi, refusal, unreadAnswer } from '../lib/account';
import { signedIn } from './signed-in';

/**
 * What the buyer or the seller does on a complaint: one of the actions the CMS lists for them now,
 * with its message. Whether the message is required (the seller's answer) depends on the action:
 * the page names it (`messageRequired`), and the CMS checks again.
 */
export const complaints = {
  act: defineAction({
    accept: 'form',
    input: z
      .object({
        complaint: z.string().trim().min(1).max(64),
        action: z.string({ invalid_type_error: 'Hãy chọn một thao tác.' }).trim().min(1).max(50),
        messageRequired: z.boolean(),
        message: complaintMessageField(COMPLAINT_LIMITS.message),
      })
      .refine((input) => !input.messageRequired || Boolean(input.message), {
        path: ['message'],
        message: 'Hãy nhập nội dung.',
      }),
    handler: async ({ complaint, action, message }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callApi(
        'POST',
        `/complaints/${encodeURIComponent(complaint)}/actions`,
        unreadAnswer,
        {
          token,
          json: { action, ...(message ? { message } : {}) },
        },
      );
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),
};
