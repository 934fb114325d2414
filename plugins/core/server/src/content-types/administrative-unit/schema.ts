import { ADMINISTRATIVE_LEVELS } from '@sgd/config';
import { enumeration } from '../../lib/enumeration';

export default {
  kind: 'collectionType',
  collectionName: 'administrative_units',
  info: {
    singularName: 'administrative-unit',
    pluralName: 'administrative-units',
    displayName: 'Đơn vị hành chính',
    description: 'Tỉnh và xã, phường, đặc khu, có hiệu lực theo thời gian',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true, maxLength: 200 },
    code: { type: 'string', required: true, unique: true, maxLength: 10 },
    level: enumeration(ADMINISTRATIVE_LEVELS, { required: true }),
    kind: { type: 'string', maxLength: 20 },
    parent: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.administrative-unit' },
    effectiveFrom: { type: 'date', required: true },
    effectiveTo: { type: 'date' },
    formerNames: { type: 'text' },
    latitude: { type: 'decimal' },
    longitude: { type: 'decimal' },
  },
};
