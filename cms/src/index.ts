import type { Core } from '@strapi/strapi';
import { registerAdminViews, registerDocumentRules } from '@sgd/plugin-core';
import { ensureSuperAdmin } from './admin-account';
import { ensureVietnameseContent } from './content-language';
import { removeUnusedDefaultTokens } from './default-tokens';
import { ensureDemoStaff } from './demo-staff';
import { grantEditorialWork } from './editorial';
import { editorialRules } from './editorial-rules';
import { editorialViews } from './editorial-views';
import { registerRegulationNotice } from './regulation-notice';
import { nameStrapiRoles } from './role-names';
import { seedDemo } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentRules(strapi, editorialRules);
    registerAdminViews(strapi, editorialViews);
    registerRegulationNotice(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const created = await ensureSuperAdmin(strapi, process.env);
    if (created) strapi.log.info(`Đã tạo tài khoản quản trị cao nhất ${created}.`);
    if (await ensureVietnameseContent(strapi)) strapi.log.info('Ngôn ngữ của nội dung: tiếng Việt.');
    await nameStrapiRoles(strapi);
    const removed = await removeUnusedDefaultTokens(strapi);
    if (removed.length > 0) {
      strapi.log.info(`Đã xóa token API mặc định của Strapi chưa từng dùng: ${removed.join(', ')}.`);
    }
    await grantEditorialWork(strapi);

    if (process.env.DEMO_DATA === 'true') {
      const departments = await strapi.db.query('plugin::core.department').count();
      if (departments === 0) {
        strapi.log.info('Đang nạp dữ liệu mẫu (lần khởi động đầu tiên)…');
        const report = await seedDemo(strapi);
        strapi.log.info(`Đã nạp dữ liệu mẫu: ${JSON.stringify(report.created)}`);
      }
      if (process.env.ADMIN_PASSWORD) {
        const officers = await ensureDemoStaff(strapi, process.env.ADMIN_PASSWORD);
        if (officers.length > 0) {
          strapi.log.info(`Cán bộ mẫu (cùng mật khẩu với quản trị viên): ${officers.join(', ')}.`);
        }
      }
    }
  },
};
