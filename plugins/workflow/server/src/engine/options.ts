import { MODERATION_STATES, VERIFICATION_STATES } from '@sgd/config';
import { routingRuleSchema } from '@sgd/contracts';
import { z } from 'zod';

const path = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/);

/**
 * `pluginOptions.workflow` of a content type: how it joins review. Everything the engine needs to
 * know about the type is here, so a type from any plugin, from `cms/src/api`, or one a province adds
 * later takes part by configuration alone:
 *
 * ```ts
 * pluginOptions: {
 *   workflow: {
 *     workflow: 'product_moderation',           // attached to it on a new database
 *     title: 'name',
 *     owner: 'seller.owner',                    // the site user who submits and is told
 *     contact: { email: ['seller.email', 'seller.owner.email'], name: ['seller.name'] },
 *     routing: [{ by: 'path', path: 'seller.department' }, { by: 'fixed', department: 'SCT' }],
 *   },
 * }
 * ```
 */
export const reviewOptionsSchema = z
  .object({
    /** The workflow (code) a database attaches the type to when no workflow covers it yet. */
    workflow: z.string().optional(),
    /** The status attribute the engine adds and sets, and its value once approved. */
    status: z
      .object({ field: z.string().default('reviewStatus'), approved: z.string().default('approved') })
      .strict()
      .default({}),
    /** An attribute set to the time of the final approval. */
    approvedAt: z.string().optional(),
    /** The attribute that names an item in the inbox and in emails. */
    title: z.string(),
    /** Relation path to the site user who owns the item; without one, officers write and submit it. */
    owner: path.optional(),
    /** Paths to the submitter's email and name, tried in order (the owner's by default). */
    contact: z
      .object({ email: z.array(path).default([]), name: z.array(path).default([]) })
      .strict()
      .default({}),
    /** The routing a workflow starts with for this type (editable in the workflow editor). */
    routing: z.array(routingRuleSchema).default([]),
    /** What a first submission is called in the inbox and history ("Khiếu nại"), instead of "Đăng ký mới". */
    label: z.string().optional(),
    /**
     * Officers lock an item of this type from its edit view (QC Điều 9), the panel calling it by
     * `name` ("chủ thể", "sản phẩm"). Without it, items are locked only through the API (reports).
     */
    lock: z
      .object({ name: z.string().min(2) })
      .strict()
      .optional(),
  })
  .strict();
export type ReviewOptions = z.infer<typeof reviewOptionsSchema>;

/** The values of the status attribute the engine adds to a type under review. */
export const statusValues = (options: ReviewOptions): string[] => [
  'draft',
  'pending',
  'supplement_requested',
  options.status.approved,
  'rejected',
  'locked',
];

/**
 * A content type's review options, or `null` when it does not take part. An invalid declaration
 * stops the start with the content type and the reason.
 */
export function reviewOptionsOf(uid: string, pluginOptions: unknown): ReviewOptions | null {
  const declared = (pluginOptions as { workflow?: unknown } | undefined)?.workflow;
  if (declared === undefined) return null;
  const parsed = reviewOptionsSchema.safeParse(declared);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(gốc)'}: ${issue.message}`,
    );
    throw new Error(`pluginOptions.workflow của ${uid} không hợp lệ: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/**
 * The Vietnamese names of those values, as officers read them in the admin: a verification's
 * ("Chờ xác minh", "Đã xác minh") when the approved value is `verified`, else a moderation's.
 */
export const statusNames = (options: ReviewOptions): { code: string; name: string }[] => {
  const names = options.status.approved === 'verified' ? VERIFICATION_STATES : MODERATION_STATES;
  return statusValues(options).map((code) => ({
    code,
    name: names.find((state) => state.code === code)?.name ?? 'Đã duyệt',
  }));
};
