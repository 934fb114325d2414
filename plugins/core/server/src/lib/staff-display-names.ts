import type { Core } from '@strapi/strapi';
import { nameInVietnameseOrder } from './names';

const ADMIN_USER = 'admin::user';

interface AdminUserNames {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
}

type Data = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The username an admin user should have after a write: their name in Vietnamese order, unless they
 * chose a username of their own (one that is neither empty nor the name the previous parts gave).
 * `undefined` when the username is theirs to keep.
 */
export function displayNameAfter(before: AdminUserNames | null, data: Data): string | null | undefined {
  const derivedBefore = before ? nameInVietnameseOrder(before) : '';
  const chosen = 'username' in data ? text(data.username) : (before?.username ?? null);
  if (chosen && chosen.trim() !== '' && chosen !== derivedBefore) return undefined;
  const parts = {
    firstname: 'firstname' in data ? text(data.firstname) : (before?.firstname ?? null),
    lastname: 'lastname' in data ? text(data.lastname) : (before?.lastname ?? null),
  };
  return nameInVietnameseOrder(parts) || null;
}

/**
 * Strapi's admin names a user by `username` when there is one, else "firstname lastname" — Western
 * order ("Minh Chuyên Lê") in the menu, on the home page, in "Tạo bởi"/"Cập nhật bởi" and in lists.
 * Keeping the username equal to the name in Vietnamese order ("Lê Minh Chuyên") makes every one of
 * those screens name staff as the workflow's own screens do. A username a person chose in their
 * profile stays; users created before get theirs at start.
 */
export async function nameStaffInVietnameseOrder(strapi: Core.Strapi): Promise<void> {
  const query = () => strapi.db.query(ADMIN_USER);
  strapi.db.lifecycles.subscribe({
    models: [ADMIN_USER],
    beforeCreate(event: { params: { data?: Data } }) {
      const data = event.params.data;
      if (!data) return;
      const username = displayNameAfter(null, data);
      if (username !== undefined) data.username = username;
    },
    async beforeUpdate(event: { params: { data?: Data; where?: Data } }) {
      const data = event.params.data;
      if (!data || !event.params.where) return;
      if (!('firstname' in data || 'lastname' in data || 'username' in data)) return;
      const before = (await query().findOne({
        where: event.params.where,
        select: ['id', 'firstname', 'lastname', 'username'],
      })) as AdminUserNames | null;
      const username = displayNameAfter(before, data);
      if (username !== undefined) data.username = username;
    },
  });
  const unnamed = (await query().findMany({
    where: { $or: [{ username: { $null: true } }, { username: '' }] },
    select: ['id', 'firstname', 'lastname', 'username'],
  })) as AdminUserNames[];
  for (const user of unnamed) {
    const username = nameInVietnameseOrder(user);
    if (username) await query().update({ where: { id: user.id }, data: { username } });
  }
}
