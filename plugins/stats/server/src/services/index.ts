import cache from './cache';
import figures from './figures';
import report from './report';
import scope from './scope';
import sql from './sql';

const services = { cache, figures, report, scope, sql };
export default services;

export type StatsServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export { statsService } from '../utils/get-service';
