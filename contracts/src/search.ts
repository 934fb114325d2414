import { z } from 'zod/v4';

/** At most this many names come back for the search box (`AUTOCOMPLETE_LIMIT` in `@sgd/config`). */
export const AUTOCOMPLETE_MAX = 10;

/**
 * What `GET /api/search` adds to a list's `meta` besides `pagination`: `corrected`, when the words as
 * typed found little and items found for a corrected query were shown too ("bánh pía" for "banh pai");
 * `suggestion`, when nothing was found, a query that finds something ("Có phải bạn muốn tìm …");
 * `capped`, when words found more items than a search counts.
 */
export const searchMetaSchema = z.object({
  corrected: z.string().nullish(),
  suggestion: z.string().nullish(),
  /** More items match than `pagination.total` counts: a search counts up to a limit ("hơn 1.000"). */
  capped: z.boolean().nullish(),
});
export type SearchMeta = z.infer<typeof searchMetaSchema>;

/** `GET /api/search/autocomplete?q=…&type=products|sellers`: names whose words begin with the words typed. */
export const autocompleteSchema = z.object({
  data: z.array(z.object({ name: z.string(), slug: z.string() })).max(AUTOCOMPLETE_MAX),
});
export type Autocomplete = z.infer<typeof autocompleteSchema>;
