import path from 'node:path';
import { translateStrapiModule } from './strapi-texts';

interface VitePlugin {
  name: string;
  transform(code: string, id: string): string | null;
}

interface ViteConfig {
  resolve?: { alias?: Record<string, string> };
  plugins?: unknown[];
}

/**
 * The admin panel bundles @sgd/contracts (the zod request and response shapes it shares with the
 * CMS and the site) from its TypeScript source: the package's build is CommonJS for Node, which Vite
 * does not transform for a linked workspace package. Strapi's texts without a translation id are
 * made Vietnamese as its modules are bundled (strapi-texts.ts).
 */
export default (config: ViteConfig): ViteConfig => {
  const strapiTexts: VitePlugin = {
    name: 'sgd-strapi-texts',
    transform: (code, id) => translateStrapiModule(id, code),
  };
  return {
    ...config,
    plugins: [...(config.plugins ?? []), strapiTexts],
    resolve: {
      ...config.resolve,
      alias: {
        ...config.resolve?.alias,
        '@sgd/contracts': path.resolve(__dirname, '..', '..', '..', 'contracts', 'src', 'index.ts'),
      },
    },
  };
};
