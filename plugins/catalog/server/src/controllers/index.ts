import { createPublicController } from '@sgd/plugin-core';
import {
  categoryEndpoint,
  directoryListingEndpoint,
  marketEndpoint,
  productEndpoint,
  supplyDemandPostEndpoint,
} from './endpoints';
import openData from './open-data';
import search from './search';

export default {
  category: createPublicController(categoryEndpoint),
  product: createPublicController(productEndpoint),
  market: createPublicController(marketEndpoint),
  'supply-demand-post': createPublicController(supplyDemandPostEndpoint),
  'directory-listing': createPublicController(directoryListingEndpoint),
  search,
  'open-data': openData,
};
