import type { Core } from '@strapi/strapi';
import { STAFF_LEVELS } from '@sgd/config';

/**
 * Officers of the demo: every department that owns demo items (sellers, products, posts, listings)
 * has one officer at each level, since a seller's verification goes through all three
 * (`cms/tests/api/seed-and-start.test.ts` checks that each department's workflows can finish).
 */
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
  {
    email: 'giamdoc.snnmt@sangiaodich.local',
    name: 'Đặng Văn Điền',
    level: 'head_of_unit',
    department: 'SNNMT',
  },
  { email: 'chuyenvien.syt@sangiaodich.local', name: 'Nguyễn Thị Y', level: 'specialist', department: 'SYT' },
  {
    email: 'truongphong.syt@sangiaodich.local',
    name: 'Bùi Thanh Dược',
    level: 'head_of_division',
    department: 'SYT',
  },
  { email: 'giamdoc.syt@sangiaodich.local', name: 'Lý Văn Khang', level: 'head_of_unit', department: 'SYT' },
  {
    email: 'chuyenvien.skhcn@sangiaodich.local',
    name: 'Hồ Thị Khoa',
    level: 'specialist',
    department: 'SKHCN',
  },
  {
    email: 'truongphong.skhcn@sangiaodich.local',
    name: 'Mai Văn Học',
    level: 'head_of_division',
    department: 'SKHCN',
  },
  {
    email: 'giamdoc.skhcn@sangiaodich.local',
    name: 'Tô Minh Nghệ',
    level: 'head_of_unit',
    department: 'SKHCN',
  },
  {
    email: 'chuyenvien.svhttdl@sangiaodich.local',
    name: 'Châu Thị Du',
    level: 'specialist',
    department: 'SVHTTDL',
  },
  {
    email: 'truongphong.svhttdl@sangiaodich.local',
    name: 'Lâm Văn Lịch',
    level: 'head_of_division',
    department: 'SVHTTDL',
  },
  {
    email: 'giamdoc.svhttdl@sangiaodich.local',
    name: 'Kiều Thị Hóa',
    level: 'head_of_unit',
    department: 'SVHTTDL',
  },
  {
    email: 'chuyenvien.stc@sangiaodich.local',
    name: 'Phan Thị Ngân',
    level: 'specialist',
    department: 'STC',
  },
  {
    email: 'truongphong.stc@sangiaodich.local',
    name: 'Đỗ Văn Khố',
    level: 'head_of_division',
    department: 'STC',
  },
  {
    email: 'giamdoc.stc@sangiaodich.local',
    name: 'Trịnh Quốc Tài',
    level: 'head_of_unit',
    department: 'STC',
  },
  { email: 'chuyenvien.snv@sangiaodich.local', name: 'Vũ Thị Vụ', level: 'specialist', department: 'SNV' },
  {
    email: 'truongphong.snv@sangiaodich.local',
    name: 'Cao Minh Nội',
    level: 'head_of_division',
    department: 'SNV',
  },
  { email: 'giamdoc.snv@sangiaodich.local', name: 'La Văn Chính', level: 'head_of_unit', department: 'SNV' },
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
