import type { PublicEndpoint } from '../lib/public-api';
import { UID } from '../constants';

export const departmentEndpoint: PublicEndpoint = {
  uid: UID.department,
  visible: {},
  populate: {},
  lookup: 'code',
  defaultSort: ['name:asc'],
};

export const administrativeUnitEndpoint: PublicEndpoint = {
  uid: UID.administrativeUnit,
  visible: {},
  populate: { parent: { fields: ['name', 'code', 'level'] } },
  lookup: 'code',
  defaultSort: ['level:desc', 'name:asc'],
};
