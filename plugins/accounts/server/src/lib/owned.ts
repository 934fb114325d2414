import type { Core } from '@strapi/strapi';
import { OWNED_CONTENT, type OwnedContentType } from '@sgd/contracts';

/** What a person writes of one type (the shared contract) and the content type that stores it. */
export type OwnedSpec = (typeof OWNED_CONTENT)[OwnedContentType] & { uid: string };

/**
 * The content types people manage as theirs: each declares which contract it stores
 * (`pluginOptions.accounts.owned: 'product'`), so the accounts plugin names no content type.
 */
export function ownedSpecs(strapi: Core.Strapi): Map<string, OwnedSpec> {
  const specs = new Map<string, OwnedSpec>();
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    const key = (contentType as { pluginOptions?: { accounts?: { owned?: unknown } } }).pluginOptions
      ?.accounts?.owned;
    if (typeof key !== 'string') continue;
    if (!(key in OWNED_CONTENT))
      throw new Error(`pluginOptions.accounts.owned của ${uid} không có trong OWNED_CONTENT: ${key}`);
    specs.set(key, { ...OWNED_CONTENT[key as OwnedContentType], uid });
  }
  return specs;
}
