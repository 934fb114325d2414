import { createPublicController } from '@sgd/plugin-core';
import expiry from './expiry';
import { licenceEndpoint, productionAreaEndpoint, sellerEndpoint } from './endpoints';

export default {
  seller: createPublicController(sellerEndpoint),
  licence: createPublicController(licenceEndpoint),
  'production-area': createPublicController(productionAreaEndpoint),
  expiry,
};
