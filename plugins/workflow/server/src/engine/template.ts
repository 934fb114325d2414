/**
 * Fills `{{name}}` placeholders; unknown placeholders (`{{constructor}}` included: staff write the
 * templates) become empty so no braces reach a citizen.
 */
export function fillTemplate(text: string, values: Record<string, string | undefined>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) =>
    Object.hasOwn(values, key) ? (values[key] ?? '') : '',
  );
}
