import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { unique } from './factories';

export const PASSWORD = 'Can-bo-thu-2026!';
export const SITE_PASSWORD = 'Nguoi-dung-2026!';

export interface Officer {
  id: number;
  email: string;
  token: string;
}

const ROLE_OF = {
  specialist: 'sgd-specialist',
  head_of_division: 'sgd-head-of-division',
  head_of_unit: 'sgd-head-of-unit',
} as const;

export async function departmentId(strapi: Core.Strapi, code: string): Promise<number> {
  const row = (await strapi.db.query('plugin::core.department').findOne({ where: { code } })) as {
    id: number;
  } | null;
  if (!row) throw new Error(`Thiếu sở ${code} trong dữ liệu mẫu`);
  return row.id;
}

export async function login(strapi: Core.Strapi, email: string, password = PASSWORD): Promise<string> {
  const res = await request(strapi.server.httpServer).post('/admin/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`Đăng nhập ${email} thất bại: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
}

/** An admin user with the role of their level, linked to departments, logged in. */
export async function makeOfficer(
  strapi: Core.Strapi,
  level: keyof typeof ROLE_OF | 'super_admin',
  departmentCodes: string[],
): Promise<Officer> {
  const code = level === 'super_admin' ? 'strapi-super-admin' : ROLE_OF[level];
  const role = (await strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number };
  const email = `${unique(level).replace(/\s+/g, '.').toLowerCase()}@sangiaodich.local`;
  const user = (await (
    strapi.service('admin::user') as unknown as { create(d: object): Promise<{ id: number }> }
  ).create({
    email,
    firstname: 'Cán bộ',
    lastname: level,
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  })) as { id: number };
  const departments = await Promise.all(departmentCodes.map((c) => departmentId(strapi, c)));
  if (level !== 'super_admin') {
    await strapi.db.query('plugin::workflow.staff').create({
      data: {
        fullName: `Cán bộ ${level} ${departmentCodes.join(',')}`,
        user: user.id,
        departments,
        level,
      },
    });
  }
  return { id: user.id, email, token: await login(strapi, email) };
}

/** A site user (users-permissions) and a JWT for the content API. */
export async function makeSiteUser(
  strapi: Core.Strapi,
  email = `${unique('nguoidung').replace(/\s+/g, '.')}@example.vn`,
) {
  const role = (await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } })) as { id: number };
  const users = strapi.plugin('users-permissions').service('user') as { add(data: object): Promise<unknown> };
  const user = (await users.add({
    username: email.split('@')[0],
    email: email.toLowerCase(),
    provider: 'local',
    password: SITE_PASSWORD,
    confirmed: true,
    blocked: false,
    role: role.id,
  })) as { id: number; documentId: string; email: string };
  const jwt = (strapi.plugin('users-permissions').service('jwt') as { issue(p: object): string }).issue({
    id: user.id,
  });
  return { ...user, jwt };
}
