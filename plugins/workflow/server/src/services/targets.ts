import type { Core } from '@strapi/strapi';
import type { RoutingRule, WorkflowDefinition } from '@sgd/contracts';
import { DEPARTMENT_UID } from '../constants';
import { reviewOptionsOf, type ReviewOptions } from '../engine/options';
import { firstOf, populateFor, readPath } from '../engine/paths';
import { fail, notFound } from '../utils/errors';

type Row = Record<string, unknown>;

/** A document under review as the engine reads it: its draft, options, department and people. */
export interface Target {
  uid: string;
  row: Row;
  options: ReviewOptions;
  title: string;
  /** The department its routing gives, or `null` when no rule gives one. */
  departmentId: number | null;
  ownerId: number | null;
  email: string | null;
  name: string | null;
  hasPublished: boolean;
}

/** Where the submitter's email and name are: as declared, else the owner's. */
const contactPaths = (options: ReviewOptions): { email: string[]; name: string[] } => ({
  email:
    options.contact.email.length > 0
      ? options.contact.email
      : options.owner
        ? [`${options.owner}.email`]
        : [],
  name:
    options.contact.name.length > 0
      ? options.contact.name
      : options.owner
        ? [`${options.owner}.fullName`, `${options.owner}.username`]
        : [],
});

/**
 * How the engine reads and writes the documents of the content types that take part in review:
 * every one that declares `pluginOptions.workflow`, whichever plugin (or the app) defines it.
 */
const targetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const optionsCache = new Map<string, ReviewOptions | null>();
  const optionsOf = (uid: string): ReviewOptions | null => {
    if (!optionsCache.has(uid)) {
      // `uid` may come from a request (`constructor`…): only installed content types count.
      const contentType = Object.hasOwn(strapi.contentTypes, uid)
        ? (strapi.contentType(uid as never) as { pluginOptions?: unknown })
        : undefined;
      optionsCache.set(uid, contentType ? reviewOptionsOf(uid, contentType.pluginOptions) : null);
    }
    return optionsCache.get(uid) ?? null;
  };

  async function departmentIdByCode(code: string): Promise<number | null> {
    const row = (await strapi.db.query(DEPARTMENT_UID).findOne({ where: { code }, select: ['id'] })) as {
      id: number;
    } | null;
    return row?.id ?? null;
  }

  /** The department the first rule that gives one names; `null` when none does. */
  async function route(row: Row, routing: RoutingRule[]): Promise<number | null> {
    for (const rule of routing) {
      if (rule.by === 'path') {
        const id = readPath(row, `${rule.path}.id`);
        if (typeof id === 'number') return id;
      } else if (rule.by === 'commune') {
        const code = readPath(row, `${rule.path}.code`);
        const department = typeof code === 'string' ? rule.departments[code] : undefined;
        const id = department ? await departmentIdByCode(department) : null;
        if (id !== null) return id;
      } else {
        const id = await departmentIdByCode(rule.department);
        if (id !== null) return id;
      }
    }
    return null;
  }

  const routingPaths = (routing: RoutingRule[]) =>
    routing.flatMap((rule) =>
      rule.by === 'path' ? [`${rule.path}.id`] : rule.by === 'commune' ? [`${rule.path}.code`] : [],
    );

  return {
    optionsOf,

    /** Whether a content type takes part in review (declares `pluginOptions.workflow`). */
    isReviewable: (uid: string): boolean => optionsOf(uid) !== null,

    /** Every content type that takes part in review. */
    reviewableTypes: (): string[] =>
      Object.keys(strapi.contentTypes).filter((uid) => optionsOf(uid) !== null),

    /**
     * An item's draft, read for a workflow: its title, the people to tell, and the department the
     * workflow's routing for its type gives (`routing` of the binding; none when not routed).
     */
    async load(uid: string, documentId: string, routing: RoutingRule[] = []): Promise<Target> {
      const options = optionsOf(uid);
      if (!options) fail(400, 'Loại nội dung này không dùng quy trình duyệt.');
      const contacts = contactPaths(options);
      const ownerPath = options.owner ? `${options.owner}.id` : null;
      const populate = populateFor([
        ...routingPaths(routing),
        ...(ownerPath ? [ownerPath] : []),
        ...contacts.email,
        ...contacts.name,
      ]);
      const row = (await strapi.db.query(uid as never).findOne({
        where: { documentId, publishedAt: null },
        populate,
      })) as Row | null;
      if (!row) throw notFound();
      const published = await strapi.db
        .query(uid as never)
        .count({ where: { documentId, publishedAt: { $notNull: true } } });
      return {
        uid,
        row,
        options,
        title: String(row[options.title] ?? documentId),
        departmentId: await route(row, routing),
        ownerId: ownerPath ? ((readPath(row, ownerPath) as number | undefined) ?? null) : null,
        email: (firstOf(row, contacts.email) as string | undefined) ?? null,
        name: (firstOf(row, contacts.name) as string | undefined) ?? null,
        hasPublished: published > 0,
      };
    },

    /** The routing of `uid` in a workflow definition (empty when the workflow does not cover it). */
    routingIn(definition: WorkflowDefinition | null, uid: string): RoutingRule[] {
      return definition?.contentTypes.find((binding) => binding.uid === uid)?.routing ?? [];
    },

    /** The item's current status value. */
    statusOf(target: Target): unknown {
      return target.row[target.options.status.field];
    },

    /** Sets the content's own status field on its draft, and on its published version when asked. */
    async setStatus(uid: string, documentId: string, value: string, extra: Row = {}, published = false) {
      const options = optionsOf(uid);
      if (!options) fail(400, 'Loại nội dung này không dùng quy trình duyệt.');
      const where = published ? { documentId } : { documentId, publishedAt: null };
      const { department, ...columns } = extra;
      await strapi.db.query(uid as never).updateMany({
        where,
        data: { [options.status.field]: value, ...columns },
      });
      // A bulk update writes columns only: the department is a relation, set row by row, so the
      // "belongs to my department" condition of the content manager finds the item.
      if (department !== undefined) {
        for (const row of (await strapi.db.query(uid as never).findMany({ where, select: ['id'] })) as {
          id: number;
        }[]) {
          await strapi.db.query(uid as never).update({ where: { id: row.id }, data: { department } });
        }
      }
    },

    /** Whether the type is written by site users (an owner) or by officers in the admin. */
    ownedBySiteUsers: (uid: string): boolean => Boolean(optionsOf(uid)?.owner),
  };
};

export default targetsService;
