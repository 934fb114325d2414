import type { Core } from '@strapi/strapi';
import { coreService } from '@sgd/plugin-core';
import { UID, USER_UID } from '../constants';
import type { HistoryTarget, TaskRow } from '../types';
import { fail, notFound } from '../utils/errors';
import type { Officer } from './staff';
import { workflowService } from '../utils/get-service';

type Row = Record<string, unknown>;

/**
 * Tells whether a site user belongs to some departments' scope (an officer of those departments may
 * lock them): the sellers plugin answers "owns a seller of these departments".
 */
export type UserScopeResolver = (userId: number, departmentIds: number[]) => Promise<boolean>;

const OPEN = ['in_review', 'supplement_requested'];

/**
 * Locking (QC Điều 9): an officer locks a site user's account, or an item under a workflow (a seller,
 * a product…) with a reason; it leaves the public site, open submissions are cancelled, the owner is
 * emailed. Unlocking content sends it through its workflow again (re-verification).
 */
const lockingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <K extends Parameters<typeof workflowService>[1]>(name: K) => workflowService(strapi, name);
  const resolvers: UserScopeResolver[] = [];

  /** People in an officer's scope: a resolver says so, or they submitted something there. */
  async function userInScope(userId: number, officer: Officer): Promise<boolean> {
    if (officer.superAdmin) return true;
    if (officer.departmentIds.length === 0) return false;
    for (const resolve of resolvers) if (await resolve(userId, officer.departmentIds)) return true;
    const tasks = await strapi.db.query(UID.task).count({
      where: { submitterUserId: userId, departmentId: { $in: officer.departmentIds } },
    });
    return tasks > 0;
  }

  /** An item with the department its workflow routes it to (whose officers may lock it). */
  async function loadRouted(uid: string, documentId: string) {
    const targets = service('targets');
    const stored = await service('definitions').forType(uid);
    return targets.load(uid, documentId, targets.routingIn(stored?.definition ?? null, uid));
  }

  /** Blocks or unblocks a site user in the officer's scope; answers the user and where history goes. */
  async function setBlocked(documentId: string, officer: Officer, blocked: boolean) {
    const user = (await strapi.db.query(USER_UID).findOne({ where: { documentId } })) as Row | null;
    if (!user) throw notFound();
    if (!(await userInScope(Number(user.id), officer))) throw notFound();
    await strapi.db.query(USER_UID).update({ where: { id: user.id }, data: { blocked } });
    const target: HistoryTarget = {
      id: null,
      workflow: null,
      targetUid: USER_UID,
      targetDocumentId: documentId,
      round: 0,
      departmentId: null,
    };
    return { user, target };
  }

  return {
    /** Adds a way to tell that a user is in some departments' scope. */
    resolveUserScope(resolver: UserScopeResolver): void {
      resolvers.push(resolver);
    },

    userInScope,

    async lock(uid: string, documentId: string, reason: string, officer: Officer): Promise<void> {
      const text = reason?.trim() ?? '';
      if (text.length < 5) fail(400, 'Cần ghi rõ lý do khóa (ít nhất 5 ký tự).');
      const history = service('history');
      const replies = service('replies');
      const lockTemplate = await replies.templateFor(null, null, 'lock');
      if (uid === USER_UID) {
        const { user, target } = await setBlocked(documentId, officer, true);
        await history.record(target, { action: 'lock', comment: text, toState: 'locked' }, { officer });
        await replies.tell(
          {
            targetUid: uid,
            targetDocumentId: documentId,
            title: `Tài khoản ${user.username as string}`,
            submitterEmail: (user.email as string | null) ?? null,
            submitterName: user.username as string,
            submitterUserId: null,
          },
          lockTemplate,
          { reason: text },
        );
        return;
      }
      const target = await loadRouted(uid, documentId);
      if (!service('staff').inScope(officer, target.departmentId)) throw notFound();
      if (service('targets').statusOf(target) === 'locked') fail(409, 'Nội dung này đã bị khóa.');
      await strapi.db.query(UID.task).updateMany({
        where: { targetUid: uid, targetDocumentId: documentId, state: { $in: OPEN } },
        data: { state: 'cancelled', closedAt: coreService(strapi, 'clock').now(), lastAction: 'lock' },
      });
      if (target.hasPublished) await strapi.documents(uid as never).unpublish({ documentId } as never);
      await service('targets').setStatus(uid, documentId, 'locked', {}, true);
      await history.record(
        {
          id: null,
          workflow: null,
          targetUid: uid,
          targetDocumentId: documentId,
          round: 0,
          departmentId: target.departmentId,
        },
        { action: 'lock', comment: text, toState: 'locked' },
        { officer },
      );
      await replies.tell(
        {
          targetUid: uid,
          targetDocumentId: documentId,
          title: target.title,
          submitterEmail: target.email,
          submitterName: target.name,
          submitterUserId: target.ownerId,
        },
        lockTemplate,
        { reason: text },
      );
    },

    /** A user account is unblocked; content goes back through its workflow (re-verification). */
    async unlock(uid: string, documentId: string, reason: string, officer: Officer): Promise<TaskRow | null> {
      const text = reason?.trim() ?? '';
      if (text.length < 5) fail(400, 'Cần ghi rõ lý do mở khóa (ít nhất 5 ký tự).');
      const history = service('history');
      if (uid === USER_UID) {
        const { target } = await setBlocked(documentId, officer, false);
        await history.record(target, { action: 'unlock', comment: text, fromState: 'locked' }, { officer });
        return null;
      }
      const target = await loadRouted(uid, documentId);
      if (!service('staff').inScope(officer, target.departmentId)) throw notFound();
      if (service('targets').statusOf(target) !== 'locked') fail(409, 'Nội dung này không bị khóa.');
      await service('targets').setStatus(uid, documentId, 'pending');
      const task = await service('workflow').submit(uid, documentId, { officer }, 'reverification');
      await history.record(
        task,
        { action: 'unlock', comment: text, fromState: 'locked', toState: 'in_review' },
        { officer },
      );
      await service('replies').tell(task, await service('replies').templateFor(null, null, 'unlock'), {
        reason: text,
      });
      return task;
    },
  };
};

export default lockingService;
