import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', ''),
    // Staff sessions end: after ADMIN_SESSION_IDLE_MINUTES without use, and ADMIN_SESSION_MAX_HOURS
    // after sign-in in any case; an access token lives 30 minutes and is renewed while in use.
    sessions: {
      accessTokenLifespan: 30 * 60,
      idleSessionLifespan: env.int('ADMIN_SESSION_IDLE_MINUTES', 120) * 60,
      maxSessionLifespan: env.int('ADMIN_SESSION_MAX_HOURS', 12) * 60 * 60,
      idleRefreshTokenLifespan: env.int('ADMIN_SESSION_IDLE_MINUTES', 120) * 60,
      maxRefreshTokenLifespan: env.int('ADMIN_SESSION_MAX_HOURS', 12) * 60 * 60,
    },
  },
  apiToken: { salt: env('API_TOKEN_SALT', '') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', '') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', '') },
  flags: { nps: false, promoteEE: false },
  // No live preview of content on the site: without this, every edit view invites officers to "set up
  // preview" (a developer's documentation link). Strapi's type asks for a handler even when preview is
  // off; there is no page to preview, so it names none.
  preview: { enabled: false, config: { handler: () => null } },
});
