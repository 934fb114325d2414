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

/**
 * What a form page shows after calling an action: the refusal's line above the form (`error`) and
 * messages beside the fields (`fields`), whether the action's input schema or the CMS refused (a CMS
 * that cannot answer makes the page a 503); `done`, the action's answer, when it worked.
 */
export function settle<T extends { ok: true }>(
  result: { data: T | Refusal; error: undefined } | { data: undefined; error: ActionError },
  response: { status?: number },
): { done: T | null; error: string | null; fields: Record<string, string> } {
  if (result.error) return { done: null, error: FIX_FIELDS, fields: refusedFields(result.error) };
  const answer = result.data;
  if (answer.ok) return { done: answer as T, error: null, fields: {} };
  const refused = answer as Refusal;
  if (refused.status >= 500) response.status = 503;
  return { done: null, error: refused.message, fields: refused.fields };
}
