/**
 * What a page does with an action's refusal: the first message of each field, shown beside the
 * field (`FormField`'s `aria-describedby`), and one line above the form.
 */
import { isInputError, type ActionError } from 'astro:actions';
import { z } from 'zod';
import type { Refusal } from './account';

export const FIX_FIELDS = 'Vui lòng sửa các trường được đánh dấu.';

/**
 * The message of each field an action's input schema refused. Any other error (not an input error)
 * is not the person's doing: it goes on to the error page.
 */
export function refusedFields(error: ActionError): Record<string, string> {
  if (!isInputError(error)) throw error;
  return Object.fromEntries(
    Object.entries(error.fields).flatMap(([field, messages]) =>
      messages?.[0] ? [[field, messages[0]]] : [],
    ),
  );
}

/** What calling an action that only says whether it worked gives a page. */
export type ActionOutcome =
  { data: { ok: true } | Refusal; error: undefined } | { data: undefined; error: ActionError };

/**
 * A number typed in a form, for a rule of @sgd/contracts. Astro turns a form's text into a number
 * only for its own zod's `ZodNumber`, and @sgd/contracts (CommonJS) is built with zod's other copy,
 * so the text is turned into a number here; an empty field stays missing.
 */
export const formNumber = <T extends z.ZodTypeAny>(rule: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), rule);
