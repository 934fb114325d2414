/** Answers kept at most (keys come from visitors: the cache must not grow without bound). */
export const ANSWER_CACHE_MAX_ENTRIES = 2000;
/**
 * How long an answer is kept at most: the safety net when a change made by another instance is not
 * heard of (the version poll below failed), or was made by hand in the database.
 */
export const ANSWER_CACHE_MAX_AGE_MS = 60_000;

export interface AnswerCache {
  /**
   * The answer under `key`: computed by `compute` once however many requests ask at the same time,
   * then kept until `clear()`. A failed computation is not kept.
   */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Forgets every answer, including those being computed (their callers still get them). */
  clear(): void;
  readonly size: number;
}

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

/**
 * Answers of public reads by normalized request. Emptied by any write to what they are read from
 * (`clear()` after the write's transaction commits), so a visitor never gets an answer older than the
 * last change; least recently used answers leave first when it is full.
 */
export function createAnswerCache(
  maxEntries = ANSWER_CACHE_MAX_ENTRIES,
  maxAgeMs = ANSWER_CACHE_MAX_AGE_MS,
  now: () => number = Date.now,
): AnswerCache {
  let entries = new Map<string, Entry>();
  return {
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.expires > now()) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      entries.delete(key);
      const kept = entries;
      const value = compute();
      const entry = { value, expires: now() + maxAgeMs };
      kept.set(key, entry);
      value.catch(() => {
        if (kept.get(key) === entry) kept.delete(key);
      });
      while (kept.size > maxEntries) kept.delete(kept.keys().next().value as string);
      return value;
    },
    clear() {
      // A new map: an answer still being computed from the old data lands in the old one.
      entries = new Map();
    },
    get size() {
      return entries.size;
    },
  };
}
