import { licenceTypes } from '@sgd/config';
import {
  SELLER_FIELD_CHECKS,
  latitudeCheck,
  licenceProblems,
  longitudeCheck,
  polygonCheck,
  sellerProblems,
} from '@sgd/contracts';
import type { DocumentRule } from '@sgd/plugin-core';
import { UID } from './constants';

const PLANTING_AREA_CODE = /^[A-Za-z0-9][A-Za-z0-9./ -]{2,59}$/;

const filled = (value: unknown) => value !== null && value !== undefined && String(value).trim() !== '';

export const rules: DocumentRule[] = [
  { uid: UID.seller, slugFrom: 'name', fields: SELLER_FIELD_CHECKS, across: sellerProblems },
  { uid: UID.licence, across: (data) => licenceProblems(data, licenceTypes) },
  {
    uid: UID.productionArea,
    slugFrom: 'name',
    fields: {
      latitude: latitudeCheck,
      longitude: longitudeCheck,
      polygon: polygonCheck,
      code: (value) =>
        !filled(value) || PLANTING_AREA_CODE.test(String(value))
          ? null
          : 'Mã số vùng trồng chỉ gồm chữ, số, dấu gạch ngang, dấu chấm, dấu gạch chéo (3–60 ký tự).',
    },
  },
];
