import admin from './translations/admin.json';
import contentManager from './translations/content-manager.json';
import contentTypeBuilder from './translations/content-type-builder.json';
import email from './translations/email.json';
import i18n from './translations/i18n.json';
import upload from './translations/upload.json';
import usersPermissions from './translations/users-permissions.json';

/**
 * Strapi's own Vietnamese lacks many strings of the screens officers use; these supply them (the
 * admin's ids as they are, a plugin's prefixed with the plugin's id, as Strapi merges them).
 */
const prefixed = (plugin: string, messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([id, text]) => [`${plugin}.${id}`, text]));

const vi = {
  ...admin,
  ...prefixed('content-manager', contentManager),
  ...prefixed('content-type-builder', contentTypeBuilder),
  ...prefixed('upload', upload),
  ...prefixed('users-permissions', usersPermissions),
  ...prefixed('email', email),
  ...prefixed('i18n', i18n),
};

/** Where the admin keeps the interface language and its one-time notices (`@strapi/admin`). */
const LANGUAGE_KEY = 'strapi-admin-language';
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
const MEDIA_LIBRARY_BANNER_KEY = 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_';

/**
 * Vietnamese unless the person chose another language: the admin reads this key before drawing the
 * sign-in page, whatever the browser's language (a signed-in user's choice, `preferedLanguage`, wins;
 * the CMS sets it to Vietnamese for every admin user who has not chosen).
 */
function preferVietnamese() {
  if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'vi');
}

/**
 * Strapi's guided tour and its "new Media Library" banner are for developers discovering Strapi, not
 * for officers: both are marked as seen. The banner's flag is scoped by the project's id, which the
 * admin reads from `/admin/init` (false without telemetry, undefined until loaded).
 */
async function hideStrapiNotices() {
  const stored = JSON.parse(window.localStorage.getItem(GUIDED_TOUR_KEY) ?? '{}') as Record<string, unknown>;
  window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ ...stored, enabled: false }));
  const dismiss = (scope: string) => {
    for (const legacy of ['true', 'false']) {
      window.localStorage.setItem(`${MEDIA_LIBRARY_BANNER_KEY}${legacy}:${scope}`, 'true');
    }
  };
  dismiss('undefined');
  dismiss('false');
  const base = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  const response = await fetch(`${base}/admin/init`);
  if (response.ok) {
    const { data } = (await response.json()) as { data: { uuid?: string | false } };
    dismiss(String(data.uuid));
  }
}

/**
 * Strapi's settings overview names the edition in English ("Community") beside a link to its pricing
 * plans, an upgrade notice officers have no use for: the edition is named in Vietnamese and the link
 * is not drawn.
 */
function hideUpgradeNotices() {
  const strapi = (window as { strapi?: { projectType?: string } }).strapi;
  if (strapi) strapi.projectType = 'Phiên bản cộng đồng (mã nguồn mở)';
  const style = document.createElement('style');
  style.textContent = 'a[href^="https://strapi.io/pricing"] { display: none !important; }';
  document.head.appendChild(style);
}

export default {
  config: {
    locales: ['vi'],
    translations: { vi },
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    preferVietnamese();
    hideUpgradeNotices();
    void hideStrapiNotices();
  },
  bootstrap() {},
};
