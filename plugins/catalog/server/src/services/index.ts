import openData from './open-data';
import readModel from './read-model';
import search from './search';
import statistics from './statistics';

export default { search, statistics, 'open-data': openData, 'read-model': readModel };
