import type { Core } from '@strapi/strapi';

export interface PublicRoute {
  method: string;
  /** The route as declared (`/api/orders/:code/actions`). */
  pattern: string;
  /** The same with a sample value in each parameter. */
  path: string;
}

interface Layer {
  path: string | RegExp;
  methods: string[];
}

/**
 * Every content-API route the running CMS serves (`/api/…`), read from its router, so a route added
 * by any plugin later is covered without touching the tests. HEAD is GET's twin and left out.
 */
export function publicRoutes(strapi: Core.Strapi): PublicRoute[] {
  const seen = new Set<string>();
  const routes: PublicRoute[] = [];
  for (const layer of strapi.server.listRoutes() as unknown as Layer[]) {
    if (typeof layer.path !== 'string' || !layer.path.startsWith('/api/')) continue;
    const path = layer.path.replace(/:(\w+)(\([^)]*\))?\??/g, 'mau-1').replace(/\(\.\*\)/g, 'mau');
    for (const method of layer.methods) {
      const key = `${method} ${layer.path}`;
      if (method === 'HEAD' || seen.has(key)) continue;
      seen.add(key);
      routes.push({ method, pattern: layer.path, path });
    }
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.method.localeCompare(b.method));
}

/** POST, PUT, PATCH and DELETE routes: what changes data. */
export const writeRoutes = (strapi: Core.Strapi) =>
  publicRoutes(strapi).filter((route) => !['GET', 'OPTIONS'].includes(route.method));
