/**
 * Texts Strapi's admin writes in English without a translation id, so `translations` cannot reach
 * them: they are replaced in Strapi's modules as the admin is bundled (a Vite transform, see
 * vite.config.ts). Each text must be found exactly as written: a Strapi upgrade that changes one makes
 * the bundling fail instead of leaving English on an officer's screen (and a unit test says which).
 */
export interface StrapiText {
  /** The module of `@strapi/admin`, from its `dist/admin/` folder. */
  module: string;
  /** The source text as Strapi writes it, and what it becomes. */
  from: string;
  to: string;
}

const USERS_LIST = 'admin/src/pages/Settings/pages/Users/ListPage.mjs';

export const STRAPI_TEXTS: readonly StrapiText[] = [
  // The super admin's list of admin users: a user's status and the filters (named as Strapi's
  // Vietnamese names them on the user's form).
  {
    module: USERS_LIST,
    from: "children: isActive ? 'Active' : 'Inactive'",
    to: "children: isActive ? 'Đang hoạt động' : 'Không hoạt động'",
  },
  { module: USERS_LIST, from: "label: 'Firstname',", to: "label: 'Tên'," },
  { module: USERS_LIST, from: "label: 'Lastname',", to: "label: 'Họ'," },
  { module: USERS_LIST, from: "label: 'Username',", to: "label: 'Tên người dùng'," },
  { module: USERS_LIST, from: "label: 'Active user',", to: "label: 'Đang hoạt động'," },
  // Under each plugin or category of a role's Plugins and Settings tabs: "Cài đặt quyền cho {category}"
  // followed by the English word "plugin" or "settings".
  {
    module: 'admin/src/pages/Settings/pages/Roles/components/PluginsAndSettings.mjs',
    from: "})} ${kind === 'plugins' ? 'plugin' : kind}`,",
    to: '})}`,',
  },
  // A webhook's events, grouped as "Entry" and "Media".
  {
    module: 'admin/src/pages/Settings/pages/Webhooks/components/Events.mjs',
    from: 'children: removeHyphensAndTitleCase(name)',
    to: "children: ({ entry: 'Nội dung', media: 'Tệp' })[name] ?? removeHyphensAndTitleCase(name)",
  },
  // A new role's description names the day it was created, in English ("December 7th, 2026").
  {
    module: 'admin/src/pages/Settings/pages/Roles/CreatePage.mjs',
    from: "${format(new Date(), 'PPP')}",
    to: "${format(new Date(), 'dd/MM/yyyy')}",
  },
  // An API or transfer token's expiry: a date, or "Unlimited".
  {
    module: 'admin/src/pages/Settings/components/Tokens/utils/getDateOfExpiration.mjs',
    from: "durationInDays), 'PPP', {",
    to: "durationInDays), 'dd/MM/yyyy', {",
  },
  {
    module: 'admin/src/pages/Settings/components/Tokens/utils/getDateOfExpiration.mjs',
    from: "return 'Unlimited';",
    to: "return 'Không giới hạn';",
  },
  // What a screen reader hears while a page loads.
  {
    module: 'admin/src/components/PageHelpers.mjs',
    from: "children = 'Loading content.'",
    to: "children = 'Đang tải nội dung.'",
  },
  {
    module: 'admin/src/components/LazyOutlet.mjs',
    from: 'children: "Loading content."',
    to: 'children: "Đang tải nội dung."',
  },
  {
    module: 'admin/src/components/Table.mjs',
    from: "children = 'Loading content'",
    to: "children = 'Đang tải nội dung'",
  },
];

const STRAPI_ADMIN = '/@strapi/admin/dist/admin/';

/**
 * The module's code with its English texts replaced, or null for a module holding none. Throws when
 * a text is not found exactly once.
 */
export function translateStrapiModule(id: string, code: string): string | null {
  const file = id.split('?')[0].replace(/\\/g, '/');
  const at = file.lastIndexOf(STRAPI_ADMIN);
  if (at < 0) return null;
  const module = file.slice(at + STRAPI_ADMIN.length);
  const texts = STRAPI_TEXTS.filter((text) => text.module === module);
  if (texts.length === 0) return null;
  let translated = code;
  for (const text of texts) {
    const found = translated.split(text.from).length - 1;
    if (found !== 1) {
      throw new Error(
        `@strapi/admin ${module}: "${text.from}" found ${found} times (expected once); update cms/src/admin/strapi-texts.ts`,
      );
    }
    translated = translated.replace(text.from, () => text.to);
  }
  return translated;
}
