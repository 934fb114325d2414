import cache from './cache';
import figures from './figures';
import report from './report';
import scope from './scope';
import sql from './sql';

export default { cache, figures, report, scope, sql };
