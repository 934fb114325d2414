import type { Core } from '@strapi/strapi';
import { STAFF_LEVELS } from '@sgd/config';

/** Officers of the demo: three levels in Sở Công Thương, two in Sở Nông nghiệp và Môi trường, one in Sở Y tế. */
export const DEMO_STAFF = [
  {
    email: 'chuyenvien.sct@sangiaodich.local',
    name: 'Lê Minh Chuyên',
    level: 'specialist',
    department: 'SCT',
  },
  {
    email: 'truongphong.sct@sangiaodich.local',
    name: 'Phạm Thu Phòng',
    level: 'head_of_division',
    department: 'SCT',
  },
  { email: 'giamdoc.sct@sangiaodich.local', name: 'Võ Quốc Đơn', level: 'head_of_unit', department: 'SCT' },
  {
    email: 'chuyenvien.snnmt@sangiaodich.local',
    name: 'Trần Văn Nông',
    level: 'specialist',
    department: 'SNNMT',
  },
  {
    email: 'truongphong.snnmt@sangiaodich.local',
    name: 'Huỳnh Thị Lúa',
    level: 'head_of_division',
    department: 'SNNMT',
  },
  { email: 'chuyenvien.syt@sangiaodich.local', name: 'Nguyễn Thị Y', level: 'specialist', department: 'SYT' },
] as const;

/**
 * Creates the demo officers (once) with the demo admin's password, so a visitor can try each queue.
 * Returns the emails created.
 */
export async function ensureDemoStaff(strapi: Core.Strapi, password: string): Promise<string[]> {
  const created: string[] = [];
  const users = strapi.service('admin::user') as unknown as { create(data: object): Promise<{ id: number }> };
  for (const officer of DEMO_STAFF) {
    if (await strapi.db.query('admin::user').findOne({ where: { email: officer.email } })) continue;
    const roleCode = STAFF_LEVELS.find((level) => level.code === officer.level)?.role;
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: roleCode } })) as {
      id: number;
    } | null;
    const department = (await strapi.db
      .query('plugin::core.department')
      .findOne({ where: { code: officer.department } })) as { id: number } | null;
    if (!role || !department) continue;
    const [lastname, ...rest] = officer.name.split(' ');
    const user = await users.create({
      email: officer.email,
      firstname: rest.join(' '),
      lastname,
      password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    await strapi.db.query('plugin::workflow.staff').create({
      data: { fullName: officer.name, user: user.id, departments: [department.id], level: officer.level },
    });
    created.push(officer.email);
  }
  return created;
}
