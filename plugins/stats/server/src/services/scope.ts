import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { workflowService } from '@sgd/plugin-workflow';
import { MESSAGES, UID } from '../constants';
import type { Period } from '../validation/query';
import type { Scope } from './types';

export interface ScopeDescription {
  departments: { id: number; name: string }[];
  department: { id: number; name: string } | null;
  commune: { code: string; name: string } | null;
}

/**
 * Who sees what: the super admin every department, an officer only their own (the workflow's staff
 * record). A department asked for outside one's scope is refused, never silently widened.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Communes in force today, for the commune filter. */
  async communes(): Promise<{ code: string; name: string }[]> {
    return (await strapi.db.query(UID.unit).findMany({
      where: { level: 'commune', effectiveTo: null },
      select: ['code', 'name'],
      orderBy: { name: 'asc' },
    })) as { code: string; name: string }[];
  },

  async resolve(
    userId: number,
    filters: { department?: number; commune?: string },
    period: Period,
    now: Date,
  ): Promise<{ scope: Scope; description: ScopeDescription }> {
    const officer = await workflowService(strapi, 'staff').officer(userId);
    if (!officer.superAdmin && officer.departmentIds.length === 0)
      throw new errors.PolicyError(MESSAGES.noDepartment);
    const visible = (await strapi.db.query(UID.department).findMany({
      where: officer.superAdmin ? {} : { id: { $in: officer.departmentIds } },
      select: ['id', 'name'],
      orderBy: { name: 'asc' },
    })) as { id: number; name: string }[];
    let department: { id: number; name: string } | null = null;
    if (filters.department !== undefined) {
      department = visible.find((d) => d.id === filters.department) ?? null;
      if (!department) {
        if (!officer.superAdmin) throw new errors.PolicyError(MESSAGES.outOfScope);
        throw new errors.NotFoundError(MESSAGES.unknownDepartment);
      }
    }
    let commune: { code: string; name: string } | null = null;
    if (filters.commune !== undefined) {
      const unit = (await strapi.db
        .query(UID.unit)
        .findOne({ where: { code: filters.commune }, select: ['code', 'name'] })) as {
        code: string;
        name: string;
      } | null;
      if (!unit) throw new errors.NotFoundError(MESSAGES.unknownCommune);
      commune = unit;
    }
    const departmentIds = department ? [department.id] : officer.superAdmin ? null : officer.departmentIds;
    return {
      scope: { departmentIds, commune: commune?.code ?? null, period, now },
      description: { departments: visible, department, commune },
    };
  },
});
