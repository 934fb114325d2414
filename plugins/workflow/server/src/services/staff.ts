import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUPER_ADMIN_ROLE, personName } from '@sgd/plugin-core';
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
    const name = profile?.fullName || personName(user);
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
        name: row.fullName || personName(row.user!),
      }));
  },

  /**
   * How officers are named to people (assignee, history, reminders, statistics): the staff record's
   * full name, else the admin user's name in Vietnamese order.
   */
  async names(userIds: number[]): Promise<Map<number, string>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const users = (await strapi.db.query('admin::user').findMany({
      where: { id: { $in: ids } },
      select: ['id', 'firstname', 'lastname', 'email'],
    })) as AdminUserRow[];
    const profiles = (await strapi.db.query(UID.staff).findMany({
      where: { user: { id: { $in: ids } } },
      populate: { user: { select: ['id'] } },
    })) as (StaffRow & { user?: { id: number } | null })[];
    const fullNames = new Map(
      profiles.filter((p) => p.user && p.fullName).map((p) => [p.user!.id, String(p.fullName)]),
    );
    return new Map(users.map((user) => [user.id, fullNames.get(user.id) ?? personName(user)]));
  },
});

export default staffService;
