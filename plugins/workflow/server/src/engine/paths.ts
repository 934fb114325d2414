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
