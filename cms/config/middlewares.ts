import type { Core } from '@strapi/strapi';

/** The site's origins: the only ones a browser may call the CMS from (the site itself calls it server-side). */
const corsOrigins = (value: string | undefined) =>
  (value || 'http://localhost:4321,http://127.0.0.1:4321')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      // Strapi's defaults (which the admin panel needs) plus: never framed, no plugins, no <base> or
      // form posts to other origins, and no full referrer sent to other sites.
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'frame-ancestors': ["'none'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    },
  },
  // Rate limits on sign-in, registration and codes (before anything reads the body).
  'plugin::accounts.rate-limit',
  { name: 'strapi::cors', config: { origin: corsOrigins(env('CORS_ORIGINS')), credentials: true } },
  'strapi::poweredBy',
  'strapi::query',
  // Public API bodies: multipart larger than the files it may carry refused before it is read;
  // unreadable bodies answer 400/413 in Vietnamese.
  'plugin::accounts.body-guard',
  'strapi::body',
  // Public API input no route can use: NUL characters, filters the database cannot bind.
  'plugin::accounts.input-guard',
  // Files sent to the public API: real type checked, images re-encoded without EXIF/GPS.
  'plugin::accounts.upload-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
