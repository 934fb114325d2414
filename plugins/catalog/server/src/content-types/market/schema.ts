import { MARKET_KINDS } from '@sgd/config';
import { enumeration } from '@sgd/plugin-core';

export default {
  kind: 'collectionType',
  collectionName: 'markets',
  info: {
    singularName: 'market',
    pluralName: 'markets',
    displayName: 'Địa điểm kinh doanh',
    description: 'Chợ, siêu thị, trung tâm thương mại, cửa hàng tiện ích',
  },
  options: { draftAndPublish: true },
  pluginOptions: { 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 255 },
    slug: { type: 'uid', targetField: 'name' },
    kind: enumeration(MARKET_KINDS, { required: true }),
    address: { type: 'string', maxLength: 500 },
    commune: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.administrative-unit' },
    latitude: { type: 'decimal', required: true },
    longitude: { type: 'decimal', required: true },
    openingHours: { type: 'string', maxLength: 200 },
    operator: { type: 'string', maxLength: 255 },
    phone: { type: 'string', maxLength: 20 },
    description: { type: 'text' },
  },
};
