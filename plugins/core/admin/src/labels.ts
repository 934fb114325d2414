/** The Vietnamese names of codes, as the server's schemas declare them (`withLabels`, `enumeration`). */
export type Labels = Record<string, string>;

interface LabelledField {
  type: string;
  labels: Labels;
}

/** `{ uid: { field: { type, labels } } }` from `GET /core/labels`, loaded once when the admin starts. */
let known: Record<string, Record<string, LabelledField>> = {};

export async function loadLabels(): Promise<void> {
  const base = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  const response = await fetch(`${base}/core/labels`);
  if (response.ok) known = ((await response.json()) as { data: typeof known }).data;
}

/** The names of an attribute's codes, when its schema gives them. */
export function labelsOf(attribute: unknown): Labels | null {
  const options = (attribute as { pluginOptions?: { core?: { labels?: Labels } } } | undefined)
    ?.pluginOptions;
  return options?.core?.labels ?? null;
}

/**
 * The names for a list filter, which sees a field's name and codes but not its attribute: the labelled
 * field of that name whose codes are these (an enumeration), or the only labelled text field of that name.
 */
export function labelsForFilter(name: string, type: string, codes: string[]): Labels | null {
  const candidates = Object.values(known)
    .map((fields) => fields[name])
    .filter((field): field is LabelledField => Boolean(field) && field.type === type);
  if (type === 'enumeration') {
    const same = candidates.find(
      (field) =>
        codes.length === Object.keys(field.labels).length && codes.every((code) => code in field.labels),
    );
    return same?.labels ?? null;
  }
  const distinct = new Set(candidates.map((field) => JSON.stringify(field.labels)));
  return distinct.size === 1 ? candidates[0].labels : null;
}

/** The name of a code, or the code itself when no name is known (never an empty cell). */
export const nameOf = (labels: Labels, code: unknown) => labels[String(code)] ?? String(code);
