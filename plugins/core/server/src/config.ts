export interface CorePluginConfig {
  /** Folder of PostgreSQL-only SQL migrations applied after schema sync. */
  sqlMigrationsDir: string | null;
}

export default {
  default: { sqlMigrationsDir: null } satisfies CorePluginConfig,
  validator(config: CorePluginConfig) {
    if (config.sqlMigrationsDir !== null && typeof config.sqlMigrationsDir !== 'string') {
      throw new Error('core.sqlMigrationsDir phải là đường dẫn thư mục hoặc null');
    }
  },
};
