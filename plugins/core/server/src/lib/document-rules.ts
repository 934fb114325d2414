import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { slugify } from './fold';
import type { Check, FieldProblem } from '@sgd/contracts';

type Data = Record<string, unknown>;

export type { FieldProblem };

/**
 * What the exchange checks on every write of one content type, whichever
 * route it comes from (REST, admin, seed or code): field formats with
 * Vietnamese messages, cross-field rules, and a unique slug generated from a
 * name when none is given.
 */
export interface DocumentRule {
  uid: string;
  slugFrom?: string;
  fields?: Record<string, Check>;
  /** Rules across fields, given the stored document merged with the change. */
  across?: (data: Data) => FieldProblem[];
}

const WRITE_ACTIONS = new Set(['create', 'update']);

export function problemsOf(rule: DocumentRule, change: Data, merged: Data): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, check] of Object.entries(rule.fields ?? {})) {
    if (!(field in change)) continue;
    const message = check(change[field]);
    if (message) problems.push({ path: field, message });
  }
  return problems.concat(rule.across?.(merged) ?? []);
}

export function toValidationError(problems: FieldProblem[]): errors.ValidationError {
  return new errors.ValidationError(problems.map((p) => p.message).join(' '), {
    errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
  });
}

async function uniqueSlug(strapi: Core.Strapi, uid: string, base: string): Promise<string> {
  const root = base || 'muc';
  for (let n = 1; n < 1000; n += 1) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    const taken = await strapi.db.query(uid as never).findOne({ where: { slug: candidate }, select: ['id'] });
    if (!taken) return candidate;
  }
  return `${root}-${Date.now()}`;
}

/** Installs one Document Service middleware that enforces every rule. */
export function registerDocumentRules(strapi: Core.Strapi, rules: DocumentRule[]): void {
  const byUid = new Map(rules.map((rule) => [rule.uid, rule]));
  strapi.documents.use(async (ctx, next) => {
    const rule = byUid.get(ctx.uid);
    if (!rule || !WRITE_ACTIONS.has(ctx.action)) return next();
    const params = ctx.params as { data?: Data; documentId?: string };
    const change: Data = params.data ?? {};

    let stored: Data = {};
    if (ctx.action === 'update' && params.documentId) {
      stored =
        ((await strapi.db
          .query(ctx.uid as never)
          .findOne({ where: { documentId: params.documentId } })) as Data | null) ?? {};
    }
    const merged = { ...stored, ...change };
    const problems = problemsOf(rule, change, merged);
    if (problems.length > 0) throw toValidationError(problems);

    if (
      rule.slugFrom &&
      ctx.action === 'create' &&
      !change.slug &&
      typeof change[rule.slugFrom] === 'string'
    ) {
      change.slug = await uniqueSlug(strapi, ctx.uid, slugify(change[rule.slugFrom] as string));
      params.data = change;
    }
    return next();
  });
}
