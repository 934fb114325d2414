import fs from 'node:fs';
import path from 'node:path';
import { STRAPI_TEXTS, translateStrapiModule } from '../strapi-texts';
import viteConfig from '../vite.config';

/** The admin's modules as installed: the ones Vite bundles into the officers' panel. */
const STRAPI_ADMIN = path.join(path.dirname(require.resolve('@strapi/admin/package.json')), 'dist', 'admin');

const modules = [...new Set(STRAPI_TEXTS.map((text) => text.module))];

describe("Strapi's English texts without a translation id", () => {
  it.each(modules)('are all found once in %s and come out in Vietnamese', (module) => {
    const file = path.join(STRAPI_ADMIN, module);
    const translated = translateStrapiModule(file, fs.readFileSync(file, 'utf8'));

    expect(translated).not.toBeNull();
    for (const text of STRAPI_TEXTS.filter((each) => each.module === module)) {
      expect(translated).not.toContain(text.from);
      expect(translated).toContain(text.to);
    }
  });

  it('leave the users list without its English status words', () => {
    const file = path.join(STRAPI_ADMIN, 'admin/src/pages/Settings/pages/Users/ListPage.mjs');
    const translated = translateStrapiModule(`${file}?v=1`, fs.readFileSync(file, 'utf8')) ?? '';

    // The column titles have translation ids: only their English fallbacks remain.
    expect(translated).not.toMatch(
      /(?<!defaultMessage: )'(Active|Inactive|Firstname|Lastname|Username|Active user)'/,
    );
  });

  it("are replaced by the admin's bundler (Vite), which keeps Strapi's own plugins", () => {
    const strapiPlugin = { name: 'strapi' };
    const config = viteConfig({ plugins: [strapiPlugin] });
    const plugins = (config.plugins ?? []) as {
      name: string;
      transform?: (code: string, id: string) => unknown;
    }[];
    const file = path.join(STRAPI_ADMIN, 'admin/src/components/PageHelpers.mjs');

    expect(plugins[0]).toBe(strapiPlugin);
    const bundled = plugins
      .map((plugin) => plugin.transform?.(fs.readFileSync(file, 'utf8'), file))
      .find(Boolean);
    expect(bundled).toContain("children = 'Đang tải nội dung.'");
  });

  it('stop the bundling when Strapi changed a text, naming it', () => {
    const file = path.join(STRAPI_ADMIN, 'admin/src/components/LazyOutlet.mjs');

    expect(() => translateStrapiModule(file, 'children: "Loading the content."')).toThrow(
      /LazyOutlet\.mjs: "children: \\?"Loading content\.\\?"" found 0 times/,
    );
  });

  it('leave every other module as it is', () => {
    expect(
      translateStrapiModule('/app/node_modules/@strapi/admin/dist/admin/admin/src/App.mjs', 'x'),
    ).toBeNull();
    expect(translateStrapiModule('/app/src/admin/app.tsx', "'Active'")).toBeNull();
  });
});
