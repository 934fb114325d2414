import path from 'node:path';

interface ViteConfig {
  resolve?: { alias?: Record<string, string> };
}

/**
 * The admin panel bundles @sgd/contracts (the zod request and response shapes it shares with the
 * CMS and the site) from its TypeScript source: the package's build is CommonJS for Node, which Vite
 * does not transform for a linked workspace package.
 */
export default (config: ViteConfig): ViteConfig => ({
  ...config,
  resolve: {
    ...config.resolve,
    alias: {
      ...config.resolve?.alias,
      '@sgd/contracts': path.resolve(__dirname, '..', '..', '..', 'contracts', 'src', 'index.ts'),
    },
  },
});
