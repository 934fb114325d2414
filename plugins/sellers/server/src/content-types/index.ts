import licence from './licence/schema';
import productionArea from './production-area/schema';
import seller from './seller/schema';

export default {
  seller: { schema: seller },
  licence: { schema: licence },
  'production-area': { schema: productionArea },
};
