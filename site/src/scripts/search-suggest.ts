/**
 * The catalogue's search box suggests names as the visitor types: it asks /goi-y (the CMS's
 * autocomplete, at most 10 names) a moment after the last key and fills the box's <datalist>.
 * Progressive enhancement: without this script the box is a plain search field of a GET form.
 */
const WAIT_MS = 150;

export function initSearchSuggest(root: ParentNode = document): void {
  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-suggest]')) {
    const list = input.list;
    if (!list) continue;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = '';
    let controller: AbortController | null = null;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim();
        if (q === asked) return;
        asked = q;
        controller?.abort();
        if (q === '') {
          list.replaceChildren();
          return;
        }
        controller = new AbortController();
        const type = input.form?.querySelector<HTMLSelectElement>('select[name="type"]')?.value ?? 'products';
        try {
          const res = await fetch(`/goi-y?${new URLSearchParams({ q, type })}`, {
            signal: controller.signal,
          });
          if (!res.ok) return;
          const body = (await res.json()) as { data: { name: string }[] };
          list.replaceChildren(
            ...body.data.map(({ name }) => {
              const option = document.createElement('option');
              option.value = name;
              return option;
            }),
          );
        } catch {
          // Aborted by a newer key, or the network: the box keeps working without suggestions.
        }
      }, WAIT_MS);
    });
  }
}
