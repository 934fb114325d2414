import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  security: { checkOrigin: true },
  // No integrations and no prefetch: the site must build offline and send little or no client JavaScript.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    // @sgd/config is a CommonJS workspace package (built by `tsc -b config`): let Node load it
    // at run time instead of Vite transforming it as linked source.
    ssr: { external: ['@sgd/config'] },
  },
});
