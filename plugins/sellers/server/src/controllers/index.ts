import { createPublicController } from '@sgd/plugin-core';
import expiry from './expiry';
import licenceCheck from './licence-check';
import trustCards from './trust-cards';
import { licenceEndpoint, productionAreaEndpoint, sellerEndpoint } from './endpoints';

export default {
  seller: createPublicController(sellerEndpoint),
  licence: createPublicController(licenceEndpoint),
  'production-area': createPublicController(productionAreaEndpoint),
  expiry,
  'licence-check': licenceCheck,
  'trust-cards': trustCards,
};
