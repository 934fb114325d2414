import calendar from './calendar';
import clock from './clock';
import db from './db';
import definitions from './definitions';
import jobs from './jobs';
import outbox from './outbox';
import staff from './staff';
import stats from './stats';
import workflow from './workflow';

export default { calendar, clock, db, definitions, jobs, outbox, staff, stats, workflow };
