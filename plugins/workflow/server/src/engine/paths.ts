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

export interface SchemaAttribute {
  type: string;
  target?: string;
}
/** Attributes of a content type by uid, or `undefined` when it is not installed. */
export type SchemaLookup = (uid: string) => Record<string, SchemaAttribute> | undefined;

/**
 * Follows a dotted path through a content type's schema: every step but the last must be a
 * relation. Answers the last attribute and the type it belongs to, or why the path does not resolve.
 */
export function resolvePath(
  uid: string,
  path: string,
  schemaOf: SchemaLookup,
): { ok: true; attribute: SchemaAttribute; owner: string } | { ok: false; problem: string } {
  let current = uid;
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    const attribute = schemaOf(current)?.[part];
    if (!attribute) return { ok: false, problem: `"${path}": không có trường "${part}".` };
    if (i === parts.length - 1) return { ok: true, attribute, owner: current };
    if (attribute.type !== 'relation' || !attribute.target) {
      return { ok: false, problem: `"${path}": "${part}" không phải quan hệ.` };
    }
    current = attribute.target;
  }
  return { ok: false, problem: `"${path}": đường dẫn trống.` };
}

/** Why a path does not end at a relation to `target`, or `null` when it does. */
export function relationProblem(
  uid: string,
  path: string,
  target: string,
  schemaOf: SchemaLookup,
): string | null {
  const resolved = resolvePath(uid, path, schemaOf);
  if (!resolved.ok) return resolved.problem;
  if (resolved.attribute.type !== 'relation' || resolved.attribute.target !== target) {
    return `"${path}" không phải quan hệ tới ${target}.`;
  }
  return null;
}

/** Why a path does not end at a plain field, or `null` when it does. */
export function fieldProblem(uid: string, path: string, schemaOf: SchemaLookup): string | null {
  const resolved = resolvePath(uid, path, schemaOf);
  if (!resolved.ok) return resolved.problem;
  return resolved.attribute.type === 'relation' ? `"${path}" là quan hệ, không phải trường dữ liệu.` : null;
}

/** Relation paths of a type (up to `depth` steps) that end at `target`: the choices of the editor. */
export function pathsTo(uid: string, target: string, schemaOf: SchemaLookup, depth = 3): string[] {
  const found: string[] = [];
  const walk = (current: string, prefix: string, left: number, seen: Set<string>) => {
    for (const [name, attribute] of Object.entries(schemaOf(current) ?? {})) {
      if (attribute.type !== 'relation' || !attribute.target) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      if (attribute.target === target) found.push(path);
      else if (left > 1 && !seen.has(attribute.target) && !attribute.target.startsWith('admin::')) {
        walk(attribute.target, path, left - 1, new Set([...seen, attribute.target]));
      }
    }
  };
  walk(uid, '', depth, new Set([uid]));
  return found;
}
