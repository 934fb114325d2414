import type { Core } from '@strapi/strapi';

interface AdminEnv {
  ADMIN_EMAIL?: string;
  ADMIN_PASSWORD?: string;
}

/**
 * Creates the super admin from ADMIN_EMAIL/ADMIN_PASSWORD on the first start
 * (when no admin exists yet). Returns the email when one was created.
 */
export async function ensureSuperAdmin(strapi: Core.Strapi, env: AdminEnv): Promise<string | null> {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = env;
  if (!email || !password) return null;
  const admins = strapi.service('admin::user') as unknown as {
    exists(where: Record<string, unknown>): Promise<boolean>;
    count(): Promise<number>;
    create(data: Record<string, unknown>): Promise<unknown>;
  };
  if ((await admins.count()) > 0) return null;
  const roles = strapi.service('admin::role') as unknown as {
    getSuperAdmin(): Promise<{ id: number } | null>;
  };
  const superAdmin = await roles.getSuperAdmin();
  if (!superAdmin) throw new Error('Không tìm thấy vai trò Super Admin.');
  await admins.create({
    email: email.toLowerCase(),
    firstname: 'Quản trị',
    lastname: 'Sàn',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  return email;
}
