import type { Core } from '@strapi/strapi';
import { UID } from './constants';
import { publicContact, type PublicContact } from './presenters';

type Data = Record<string, unknown>;

/** Public contacts of sellers by row id, read in one query. */
export async function contactsOf(strapi: Core.Strapi, ids: number[]): Promise<Map<number, PublicContact>> {
  if (ids.length === 0) return new Map();
  const rows = (await strapi.db.query(UID.seller).findMany({
    where: { id: { $in: ids } },
    select: ['id', 'phone', 'email', 'showPhone', 'showEmail'],
  })) as Data[];
  return new Map(rows.map((row) => [Number(row.id), publicContact(row)]));
}

/**
 * Gives each seller found at `pick(item)` its `contact`. Phone and email are
 * private fields (never filterable or sortable); only this copy, made when
 * the seller chose to publish them, leaves the CMS.
 */
export function attachContacts(pick: (item: Data) => Data | null | undefined) {
  return async (strapi: Core.Strapi, items: Data[]): Promise<void> => {
    const sellers = items.map(pick).filter((seller): seller is Data => Boolean(seller));
    const contacts = await contactsOf(
      strapi,
      sellers.map((seller) => Number(seller.id)),
    );
    for (const seller of sellers) {
      seller.contact = contacts.get(Number(seller.id)) ?? { phone: null, email: null };
    }
  };
}
