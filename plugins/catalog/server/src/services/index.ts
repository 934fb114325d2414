import openData from './open-data';
import search from './search';
import statistics from './statistics';

export default { search, statistics, 'open-data': openData };
