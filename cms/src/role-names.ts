import type { Core } from '@strapi/strapi';

interface Naming {
  uid: 'admin::role' | 'plugin::users-permissions.role';
  where: Record<string, string>;
  english: { name: string; description: string };
  vietnamese: { name: string; description: string };
}

/**
 * The roles Strapi creates on its first start, named and described in English: the admin's three
 * (the super admin reads them in the list of admin users and of roles) and the two of the site's
 * users. They are named in Vietnamese; a name or description a province changed is left alone.
 */
const STRAPI_ROLES: readonly Naming[] = [
  {
    uid: 'admin::role',
    where: { code: 'strapi-super-admin' },
    english: {
      name: 'Super Admin',
      description: 'Super Admins can access and manage all features and settings.',
    },
    vietnamese: {
      name: 'Quản trị cao nhất',
      description: 'Toàn quyền với mọi chức năng, cài đặt và dữ liệu của sàn, ở mọi sở.',
    },
  },
  {
    uid: 'admin::role',
    where: { code: 'strapi-editor' },
    english: {
      name: 'Editor',
      description: 'Editors can manage and publish contents including those of other users.',
    },
    vietnamese: {
      name: 'Biên tập viên',
      description: 'Quản lý và đăng mọi nội dung, kể cả của người khác, không giới hạn theo sở.',
    },
  },
  {
    uid: 'admin::role',
    where: { code: 'strapi-author' },
    english: { name: 'Author', description: 'Authors can manage the content they have created.' },
    vietnamese: {
      name: 'Tác giả',
      description: 'Quản lý nội dung do chính mình tạo, không giới hạn theo sở.',
    },
  },
  {
    uid: 'plugin::users-permissions.role',
    where: { type: 'authenticated' },
    english: { name: 'Authenticated', description: 'Default role given to authenticated user.' },
    vietnamese: {
      name: 'Người dùng đã đăng nhập',
      description: 'Vai trò mặc định của người đăng ký tài khoản trên trang công khai.',
    },
  },
  {
    uid: 'plugin::users-permissions.role',
    where: { type: 'public' },
    english: { name: 'Public', description: 'Default role given to unauthenticated user.' },
    vietnamese: { name: 'Khách', description: 'Vai trò của người xem trang công khai khi chưa đăng nhập.' },
  },
];

export async function nameStrapiRoles(strapi: Core.Strapi): Promise<void> {
  for (const role of STRAPI_ROLES) {
    const query = strapi.db.query(role.uid);
    for (const field of ['name', 'description'] as const) {
      await query.updateMany({
        where: { ...role.where, [field]: role.english[field] },
        data: { [field]: role.vietnamese[field] },
      });
    }
  }
}
