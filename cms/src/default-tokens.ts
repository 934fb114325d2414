import type { Core } from '@strapi/strapi';

/** The two tokens as Strapi creates them (`DEFAULT_API_TOKENS` of `@strapi/admin`). */
const STRAPI_DEFAULT_TOKENS = [
  {
    name: 'Read Only',
    description: 'A default API token with read-only permissions, only used for accessing resources',
    type: 'read-only',
  },
  {
    name: 'Full Access',
    description:
      'A default API token with full access permissions, used for accessing or modifying resources',
    type: 'full-access',
  },
];

interface Token {
  id: number;
  name: string;
}

/**
 * On its first start Strapi creates two content API tokens nobody asked for, without an expiry date:
 * "Read Only" (every public and private read of the content API, the site's users among them) and
 * "Full Access" (every read and write). Nothing of the exchange uses them; a super admin can see
 * and copy them, and whoever holds one reads the personal data of every user. They are removed as
 * long as they were never used; a token a province created, or one in use, is left alone. Returns
 * the names of the tokens removed.
 */
export async function removeUnusedDefaultTokens(strapi: Core.Strapi): Promise<string[]> {
  const tokens = (await strapi.db.query('admin::api-token').findMany({
    select: ['id', 'name'],
    where: { kind: 'content-api', lastUsedAt: null, $or: STRAPI_DEFAULT_TOKENS },
  })) as Token[];
  const service = strapi.service('admin::api-token-content-api') as unknown as {
    revoke(id: number): Promise<unknown>;
  };
  for (const token of tokens) await service.revoke(token.id);
  return tokens.map((token) => token.name);
}
