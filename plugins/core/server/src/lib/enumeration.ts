import { PLUGIN_ID } from '../constants';

/** One value of a list of codes with its Vietnamese name, as `config/` keeps them. */
export interface CodeName {
  readonly code: string;
  readonly name: string;
}

/** Where an attribute keeps the Vietnamese names of its codes: read by the admin (`plugins/core/admin`). */
export interface LabelledAttributeOptions {
  [PLUGIN_ID]: { labels: Record<string, string> };
}

/**
 * An attribute whose stored codes the admin shows by their Vietnamese names (edit view, list columns,
 * filters): the codes and the names come from one list of `config/`, never a second copy.
 */
export function withLabels<A extends object>(attribute: A, options: readonly CodeName[]) {
  const labels = Object.fromEntries(options.map((option) => [option.code, option.name]));
  return { ...attribute, pluginOptions: { [PLUGIN_ID]: { labels } } satisfies LabelledAttributeOptions };
}

/** An enumeration of the codes of a list, shown by their names. */
export function enumeration<const T extends readonly CodeName[]>(
  options: T,
  extra: { required?: boolean; default?: T[number]['code'] } = {},
) {
  const codes = options.map((option) => option.code) as T[number]['code'][];
  return withLabels({ type: 'enumeration' as const, enum: codes, ...extra }, options);
}

/** A JSON list of codes (a product's payment methods), edited in the admin as named checkboxes. */
export function codeList(options: readonly CodeName[], extra: { required?: boolean } = {}) {
  return withLabels({ type: 'json' as const, ...extra }, options);
}
