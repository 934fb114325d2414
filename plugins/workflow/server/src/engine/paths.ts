import type { WorkflowBinding } from '@sgd/config';

type Row = Record<string, unknown>;

/** A db.query populate tree for dotted relation paths (`seller.owner.email` → seller → owner). */
export function populateFor(paths: string[]): Row {
  const tree: Row = {};
  for (const path of paths) {
    const parts = path.split('.');
    let node = tree;
    // The last part is a field, unless the path is a single relation name (resolved by the caller).
    for (const part of parts.slice(0, -1)) {
      const child = (node[part] as { populate?: Row } | true | undefined) ?? {};
      const next = child === true ? { populate: {} } : { populate: child.populate ?? {} };
      node[part] = next;
      node = next.populate;
    }
  }
  return tree;
}

/** Reads a dotted path from a populated row; `undefined` when any step is missing. */
export function readPath(row: unknown, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Row)[part];
  }
  return value;
}

/** The first non-empty value among paths. */
export function firstOf(row: unknown, paths: string[]): unknown {
  for (const path of paths) {
    const value = readPath(row, path);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

interface SchemaAttribute {
  type: string;
  target?: string;
}
/** Attributes of a content type by uid, or `undefined` when it is not installed. */
export type SchemaLookup = (uid: string) => Record<string, SchemaAttribute> | undefined;

/**
 * Problems with a binding's paths against the installed schemas: each path must name attributes
 * that exist, every step but the last must be a relation, and (`relation: true`) the whole path may
 * end on a relation. An empty list means the binding is usable.
 */
export function checkBindingPaths(uid: string, binding: WorkflowBinding, schemaOf: SchemaLookup): string[] {
  const problems: string[] = [];
  const check = (path: string, endsOnRelation: boolean) => {
    let current = uid;
    const parts = path.split('.');
    for (const [i, part] of parts.entries()) {
      const attribute = schemaOf(current)?.[part];
      if (!attribute) {
        problems.push(`${uid}: "${path}" — ${current} không có trường "${part}".`);
        return;
      }
      const last = i === parts.length - 1;
      if (!last || endsOnRelation) {
        if (attribute.type !== 'relation' || !attribute.target) {
          problems.push(`${uid}: "${path}" — "${part}" của ${current} không phải quan hệ.`);
          return;
        }
        current = attribute.target;
      }
    }
  };
  check(binding.statusField, false);
  check(binding.titleField, false);
  if (binding.approvedAtField) check(binding.approvedAtField, false);
  binding.departmentFrom.forEach((path) => check(path, true));
  check(binding.ownerPath, true);
  [...binding.emailFrom, ...binding.nameFrom].forEach((path) => check(path, false));
  return problems;
}
