export interface CorePluginConfig {
  /** Folder of PostgreSQL-only SQL migrations applied after schema sync. */
  sqlMigrationsDir: string | null;
  /** The public site's base URL, told by webhook when public content changes; empty: not told. */
  siteUrl: string;
  /** Signs the webhook (HMAC-SHA256); the site holds the same secret. */
  siteWebhookSecret: string;
  /** UIDs of the content types the site shows. */
  siteContentTypes: string[];
}

export default {
  default: {
    sqlMigrationsDir: null,
    siteUrl: '',
    siteWebhookSecret: '',
    siteContentTypes: [],
  } satisfies CorePluginConfig,
  validator(config: CorePluginConfig) {
    if (config.sqlMigrationsDir !== null && typeof config.sqlMigrationsDir !== 'string') {
      throw new Error('core.sqlMigrationsDir phải là đường dẫn thư mục hoặc null');
    }
    if (config.siteUrl && !/^https?:\/\//.test(config.siteUrl)) {
      throw new Error('core.siteUrl (SITE_URL) phải bắt đầu bằng http:// hoặc https://');
    }
    if (
      !Array.isArray(config.siteContentTypes) ||
      config.siteContentTypes.some((uid) => typeof uid !== 'string')
    ) {
      throw new Error('core.siteContentTypes phải là danh sách UID');
    }
  },
};
