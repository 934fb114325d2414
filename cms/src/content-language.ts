import type { Core } from '@strapi/strapi';

interface Locale {
  id: number;
  code: string;
}

const VIETNAMESE = { code: 'vi', name: 'Tiếng Việt (vi)' };

/**
 * The exchange writes its content in Vietnamese and translates no content type, yet Strapi creates
 * "English (en)" as the one language of content on its first start, and the super admin's language
 * settings show it. That language becomes Vietnamese, in place (no content is tied to it: no type is
 * localized). A province that chose its own languages is left alone. Returns whether it changed.
 */
export async function ensureVietnameseContent(strapi: Core.Strapi): Promise<boolean> {
  const query = strapi.db.query('plugin::i18n.locale');
  const locales = (await query.findMany({})) as Locale[];
  if (locales.length !== 1 || locales[0].code !== 'en') return false;
  await query.update({ where: { id: locales[0].id }, data: VIETNAMESE });
  const service = strapi.plugin('i18n').service('locales') as {
    setDefaultLocale(locale: { code: string }): Promise<unknown>;
  };
  await service.setDefaultLocale({ code: VIETNAMESE.code });
  return true;
}
