import type { Core } from '@strapi/strapi';
import { registerMigrations } from '@sgd/plugin-core';
import { PLUGIN_ID, USER_UID } from './constants';

type Attributes = Record<string, Record<string, unknown>>;

/**
 * The exchange's users: an email or a Vietnamese mobile number (either may be missing, not both),
 * a full name, the privacy-policy version they agreed to and when, when they deleted their account,
 * and the key their session tokens carry (a new one ends every session: `services/sessions.ts`).
 * All private: only the owner's own routes return them, and never the session key.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.get('content-types').extend(USER_UID, (contentType: { attributes: Attributes }) => {
    const { attributes } = contentType;
    attributes.email = { ...attributes.email, required: false, private: true };
    attributes.phone = { type: 'string', maxLength: 10, private: true, configurable: false };
    attributes.fullName = { type: 'string', maxLength: 150, private: true, configurable: false };
    attributes.consentPolicyVersion = { type: 'string', maxLength: 20, private: true, configurable: false };
    attributes.consentAt = { type: 'datetime', private: true, configurable: false };
    attributes.deletedAt = { type: 'datetime', private: true, configurable: false };
    attributes.sessionKey = { type: 'string', maxLength: 64, private: true, configurable: false };
  });
  // The department a file of the media library belongs to: officers see their departments' files.
  strapi.get('content-types').extend('plugin::upload.file', (contentType: { attributes: Attributes }) => {
    contentType.attributes.department = {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::core.department',
      private: true,
      configurable: false,
    };
  });
  registerMigrations(strapi, PLUGIN_ID, [
    {
      // One account per email and per phone number, whatever route writes it.
      name: '001-unique-email-phone',
      async up({ createIndex, table }) {
        for (const field of ['email', 'phone']) {
          await createIndex({
            name: `${table(USER_UID)}_${field}_unique`,
            uid: USER_UID,
            attributes: [field],
            unique: true,
          });
        }
      },
    },
  ]);
};
