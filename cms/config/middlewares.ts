export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Rate limits on sign-in, registration and codes (before anything reads the body).
  'plugin::accounts.rate-limit',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
