import type { Core } from '@strapi/strapi';

const ADMIN_USER = 'admin::user';
/** The admin's interface language for staff who have not chosen one (Strapi's default is English). */
export const ADMIN_LANGUAGE = 'vi';

/**
 * Every admin user who has not chosen a language works in Vietnamese, whatever their browser says:
 * the admin applies `preferedLanguage` (sic, Strapi's name) at sign-in. New users get it when created;
 * users created before get it at start. A choice made in the profile stays.
 */
export async function preferVietnameseForStaff(strapi: Core.Strapi): Promise<void> {
  strapi.db.lifecycles.subscribe({
    models: [ADMIN_USER],
    beforeCreate(event: { params: { data?: Record<string, unknown> } }) {
      if (event.params.data) event.params.data.preferedLanguage ??= ADMIN_LANGUAGE;
    },
  });
  await strapi.db
    .query(ADMIN_USER)
    .updateMany({ where: { preferedLanguage: { $null: true } }, data: { preferedLanguage: ADMIN_LANGUAGE } });
}
