import { defineAction } from 'astro:actions';
import { z } from 'zod';
import { text, refusal } from '../lib/account';
import { formValues, mine, ownedKind, parseForm, type OwnedKind } from '../lib/owned';
import { signedIn } from './signed-in';

/** The kind of item a form is about (`loai`: its slug, `/tai-khoan/<loai>/…`), or an issue. */
function kindOf(form: FormData, context: z.RefinementCtx): OwnedKind | null {
  const kind = ownedKind(text(form, 'loai'));
  if (!kind)
    context.addIssue({ code: z.ZodIssueCode.custom, path: ['loai'], message: 'Loại nội dung không đúng.' });
  return kind;
}

/** The item a form is about, by its document id (`ma`). */
const itemOf = (form: FormData) => text(form, 'ma').slice(0, 64);

/**
 * The form of an item of one kind: the kind's own zod schema (`OWNED_KINDS` in `lib/owned.ts`, the
 * fields `OWNED_CONTENT` of @sgd/contracts lets a person write) is the input schema, so a refused
 * field is an input error beside that field.
 */
const itemForm = z.instanceof(FormData).transform((form, context) => {
  const kind = kindOf(form, context);
  if (!kind) return z.NEVER;
  const parsed = parseForm(kind, formValues(kind, form));
  if (!parsed.ok) {
    for (const [field, message] of Object.entries(parsed.fields))
      context.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
    return z.NEVER;
  }
  return { kind, documentId: itemOf(form), data: parsed.data };
});

/** An item of one kind, by its document id (sending it for review, its pictures). */
const itemRef = z.instanceof(FormData).transform((form, context) => {
  const kind = kindOf(form, context);
  const documentId = itemOf(form);
  if (!documentId)
    context.addIssue({ code: z.ZodIssueCode.custom, path: ['ma'], message: 'Không rõ nội dung nào.' });
  return kind && documentId ? { kind, documentId, form } : z.NEVER;
});

/**
 * What a person manages as theirs (products, licences, production areas of their seller; their
 * buy/sell posts and listings): saved as drafts, sent for review, pictures added and removed. The
 * CMS stays the judge of ownership and of which fields may be written.
 */
export const owned = {
  /** A new item (no `ma`) or changes to one (`ma`: its document id). */
  save: defineAction({
    accept: 'form',
    input: itemForm,
    handler: async ({ kind, documentId, data }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = documentId
        ? await mine.update(kind, token, documentId, data)
        : await mine.create(kind, token, data);
      return res.ok ? { ok: true as const, documentId: res.data.documentId } : refusal(res);
    },
  }),

  submit: defineAction({
    accept: 'form',
    input: itemRef,
    handler: async ({ kind, documentId }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await mine.submit(kind, token, documentId);
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),

  /** Pictures as they came (`images`): the CMS checks them and strips their EXIF/GPS. */
  addImages: defineAction({
    accept: 'form',
    input: itemRef,
    handler: async ({ kind, documentId, form }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const files = form.getAll('images').filter((f): f is File => f instanceof File && f.size > 0);
      const res = await mine.addImages(kind, token, documentId, files);
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),

  /** One picture (`anh`: its file id) taken off the item being edited. */
  removeImage: defineAction({
    accept: 'form',
    input: itemRef,
    handler: async ({ kind, documentId, form }, context) => {
      const { token, refused } = signedIn(context.locals.user);
      if (refused) return refused;
      const res = await mine.removeImage(kind, token, documentId, text(form, 'anh'));
      return res.ok ? { ok: true as const } : refusal(res);
    },
  }),
};
