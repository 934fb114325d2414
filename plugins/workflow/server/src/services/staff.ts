import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUPER_ADMIN_ROLE } from '@sgd/plugin-core';
import { UID } from '../constants';

/** An admin user as the workflow sees them: roles, departments and level. */
export interface Officer {
  id: number;
  name: string;
  email: string;
  roles: string[];
  superAdmin: boolean;
  departmentIds: number[];
  level: string | null;
}

interface AdminUserRow {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email: string;
  roles?: { code: string }[];
}

interface StaffRow {
  fullName?: string | null;
  level: string;
  departments?: { id: number }[];
}

const staffService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async officer(userId: number): Promise<Officer> {
    const user = (await strapi.db.query('admin::user').findOne({
      where: { id: userId },
      populate: { roles: { select: ['code'] } },
    })) as AdminUserRow | null;
    if (!user) throw new errors.UnauthorizedError('Phiên đăng nhập không hợp lệ.');
    const profile = (await strapi.db.query(UID.staff).findOne({
      where: { user: { id: userId } },
      populate: { departments: { select: ['id'] } },
    })) as StaffRow | null;
    const roles = (user.roles ?? []).map((role) => role.code);
    const name = profile?.fullName || [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;
    return {
      id: user.id,
      name,
      email: user.email,
      roles,
      superAdmin: roles.includes(SUPER_ADMIN_ROLE),
      departmentIds: (profile?.departments ?? []).map((d) => d.id),
      level: profile?.level ?? null,
    };
  },

  /** Department ids an officer works for; `null` means all (super admin). */
  scopeOf(officer: Officer): number[] | null {
    return officer.superAdmin ? null : officer.departmentIds;
  },

  inScope(officer: Officer, departmentId: number | null | undefined): boolean {
    if (officer.superAdmin) return true;
    return (
      departmentId !== null && departmentId !== undefined && officer.departmentIds.includes(departmentId)
    );
  },

  /** Staff of a department at a level, with their email (for reminders). */
  async staffOf(
    departmentId: number,
    level: string,
  ): Promise<{ userId: number; email: string; name: string }[]> {
    const rows = (await strapi.db.query(UID.staff).findMany({
      where: { level, departments: { id: departmentId } },
      populate: { user: { select: ['id', 'email', 'firstname', 'lastname', 'isActive', 'blocked'] } },
    })) as (StaffRow & { user?: AdminUserRow & { isActive?: boolean; blocked?: boolean } })[];
    return rows
      .filter((row) => row.user && row.user.isActive !== false && !row.user.blocked)
      .map((row) => ({
        userId: row.user!.id,
        email: row.user!.email,
        name:
          row.fullName ||
          [row.user!.firstname, row.user!.lastname].filter(Boolean).join(' ') ||
          row.user!.email,
      }));
  },
});

export default staffService;
