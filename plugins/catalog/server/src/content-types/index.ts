import category from './category/schema';
import directoryListing from './directory-listing/schema';
import market from './market/schema';
import product from './product/schema';
import supplyDemandPost from './supply-demand-post/schema';

export default {
  category: { schema: category },
  product: { schema: product },
  market: { schema: market },
  'supply-demand-post': { schema: supplyDemandPost },
  'directory-listing': { schema: directoryListing },
};
