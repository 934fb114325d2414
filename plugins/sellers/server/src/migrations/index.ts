import type { Migration } from '@sgd/plugin-core';
import { foldCode } from '@sgd/plugin-core';
import { UID } from '../constants';

/** Licences stored before `numberKey` existed get theirs; the check looks it up by index. */
const licenceNumberKey: Migration = {
  name: '001-licence-number-key',
  async up({ knex, table, column, createIndex }) {
    const licences = table(UID.licence);
    const numberColumn = column(UID.licence, 'number');
    const keyColumn = column(UID.licence, 'numberKey');
    const rows = (await knex(licences).select('id', numberColumn).whereNull(keyColumn)) as Array<
      Record<string, unknown>
    >;
    for (const row of rows) {
      await knex(licences)
        .where({ id: row.id })
        .update({ [keyColumn]: foldCode(String(row[numberColumn] ?? '')) });
    }
    await createIndex({ name: `${licences}_number_key`, uid: UID.licence, attributes: ['numberKey'] });
  },
};

export const migrations: Migration[] = [licenceNumberKey];
