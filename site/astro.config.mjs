import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Host names the site answers to (read at build time, comma-separated, e.g.
// `SITE_DOMAINS=sangiaodich.dongthap.gov.vn`). Astro trusts a request's Host only when it is listed:
// otherwise the page URL falls back to http://localhost and form posts fail the origin check.
const domains = ['localhost', '127.0.0.1', ...(process.env.SITE_DOMAINS ?? '').split(',')]
  .map((hostname) => hostname.trim())
  .filter(Boolean);

export default defineConfig({
  output: 'server',
  // Pages are rendered whole, then sent: each awaits its CMS answers before its first byte anyway,
  // and Astro's streaming renderer encodes and joins every chunk (about a sixth of the site's CPU for
  // a catalogue page with a new query). Endpoints (uploads, open-data files) still stream.
  // `middleware`: the pages only; site/server.mjs serves the built files and runs the server.
  adapter: node({ mode: 'middleware', experimentalDisableStreaming: true }),
  security: { checkOrigin: true, allowedDomains: domains.map((hostname) => ({ hostname })) },
  // No integrations and no prefetch: the site must build offline and send little or no client JavaScript.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    // Every script a file of its own: Vite inlines small ones, which the Content-Security-Policy
    // (`script-src 'self'`, no inline script) would refuse to run.
    build: { assetsInlineLimit: 0 },
    // @sgd/config and @sgd/contracts are CommonJS workspace packages (built by `tsc -b`): let Node
    // load them at run time instead of Vite transforming them as linked source.
    ssr: { external: ['@sgd/config', '@sgd/contracts'] },
  },
});
