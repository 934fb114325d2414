/**
 * What the site knows about the request being served, for the code that runs while it is served:
 * the visitor's address (sent on to the CMS, see `client-address.ts`) and whether the page was built
 * from saved copies because the CMS did not answer. The middleware opens the context; the CMS
 * client and the layout read it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestState {
  /** The visitor's address; null when unknown (a prerendered page). */
  visitor: string | null;
  /** A CMS answer of this page came from a saved copy (the CMS did not answer). */
  usedSavedCopy: boolean;
  /** A CMS call of this page got no answer (the page may still have been built without it). */
  cmsUnavailable: boolean;
}

const store = new AsyncLocalStorage<RequestState>();

/** Runs `serve` as the request of `visitor`. */
export function withRequest<T>(visitor: string | null, serve: () => T): T {
  return store.run({ visitor, usedSavedCopy: false, cmsUnavailable: false }, serve);
}

/** The state of the request being served; undefined outside one (tests, start-up). */
export function currentRequest(): RequestState | undefined {
  return store.getStore();
}

/** A CMS answer of this request came from a saved copy. */
export function noteSavedCopy(): void {
  const state = store.getStore();
  if (state) state.usedSavedCopy = true;
}

/** A CMS call of this request got no answer. */
export function noteCmsUnavailable(): void {
  const state = store.getStore();
  if (state) state.cmsUnavailable = true;
}
