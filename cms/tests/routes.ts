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

/** A route's pattern with `value` in each of its parameters. */
export const withParameters = (pattern: string, value: string): string =>
  pattern.replace(/:(\w+)(\([^)]*\))?\??/g, value).replace(/\(\.\*\)/g, value);

/**
 * Every content-API route the running CMS serves (`/api/…`), read from its router, so a route added
 * by any plugin later is covered without touching the tests. HEAD is GET's twin and left out.
 */
export function publicRoutes(strapi: Core.Strapi): PublicRoute[] {
  const seen = new Set<string>();
  const routes: PublicRoute[] = [];
  for (const layer of strapi.server.listRoutes() as unknown as Layer[]) {
    if (typeof layer.path !== 'string' || !layer.path.startsWith('/api/')) continue;
    const path = withParameters(layer.path, 'mau-1');
    for (const method of layer.methods) {
      const key = `${method} ${layer.path}`;
      if (method === 'HEAD' || seen.has(key)) continue;
      seen.add(key);
      routes.push({ method, pattern: layer.path, path });
    }
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.method.localeCompare(b.method));
}

/**
 * Every admin route the running CMS serves (`/workflow/…`, `/accounts/…`, `/content-manager/…`…):
 * those of any plugin with an admin router, read from the router.
 */
export function adminRoutes(strapi: Core.Strapi): PublicRoute[] {
  const prefixes = Object.keys(strapi.plugins)
    .filter((name) => {
      const routes = strapi.plugin(name).routes as Record<string, { type?: string }> | unknown[];
      return !Array.isArray(routes) && Object.values(routes).some((router) => router.type === 'admin');
    })
    .map((name) => `/${name}/`);
  const routes: PublicRoute[] = [];
  for (const layer of strapi.server.listRoutes() as unknown as Layer[]) {
    const pattern = layer.path;
    if (typeof pattern !== 'string' || !prefixes.some((prefix) => pattern.startsWith(prefix))) continue;
    for (const method of layer.methods) {
      if (method !== 'HEAD') routes.push({ method, pattern, path: withParameters(pattern, 'mau-1') });
    }
  }
  return routes;
}

/** POST, PUT, PATCH and DELETE routes: what changes data. */
export const writeRoutes = (strapi: Core.Strapi) =>
  publicRoutes(strapi).filter((route) => !['GET', 'OPTIONS'].includes(route.method));
