import type { Core } from '@strapi/strapi';
import { objectStorageOrigins } from '../src/utils/object-storage';

/** The site's origins: the only ones a browser may call the CMS from (the site itself calls it server-side). */
const corsOrigins = (value: string | undefined) =>
  (value || 'http://localhost:4321,http://127.0.0.1:4321')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);

// Uploaded images shown in the admin come from the bucket when uploads go to S3 (S3_*).
const storage = objectStorageOrigins(process.env);

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  // Strapi's English default error messages ("Policy Failed", "Not Found") said in Vietnamese.
  'plugin::core.error-messages',
  'strapi::errors',
  // 503 at once while the database is unreachable, instead of hanging or leaking its error.
  'plugin::core.database-outage',
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
          // Strapi's defaults (CSP_DEFAULTS), plus the bucket when uploads go to S3.
          'img-src': ["'self'", 'data:', 'blob:', 'https://market-assets.strapi.io', ...storage],
          'media-src': ["'self'", 'data:', 'blob:', ...storage],
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
  // No `strapi::poweredBy`: an X-Powered-By header only tells an attacker which software to probe.
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
  // Uploads: pictures of items not approved yet only at a signed address (the seller, staff).
  'plugin::accounts.media-gate',
  'strapi::public',
];
