import ratings from './ratings';
import reviews from './reviews';

export default { ratings, reviews };
