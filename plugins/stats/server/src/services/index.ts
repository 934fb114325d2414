import figures from './figures';
import report from './report';
import scope from './scope';
import sql from './sql';

export default { figures, report, scope, sql };
