import { defineAction } from 'astro:actions';
import { z } from 'zod';
import { callApi, refusal, unreadAnswer } from '../lib/account';
import { answerFormSchema, commentFormSchema } from '../lib/feedback';
import { signedIn } from './signed-in';

const documentId = z.string().trim().min(1).max(64);

/**
 * A signed-in person's comment on a product, and a seller's answer to a review or a comment on its
 * own product: checked here, moderated by the CMS before they show.
 */
export const feedback = {
  /** A comment on a product (by its document id). */
  comment: defineAction({
    accept: 'form',
    input: commentFormSchema.extend({ product: documentId }),
    handler: async (comment, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callApi('POST', '/comments', unreadAnswer, { token, json: comment });
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),

  /** The seller's answer to a review or a comment (`kind`, `target`: its document id). */
  answer: defineAction({
    accept: 'form',
    input: answerFormSchema.extend({ kind: z.enum(['review', 'comment']), target: documentId }),
    handler: async ({ kind, target, text }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await callApi('POST', '/answers', unreadAnswer, { token, json: { [kind]: target, text } });
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),
};
