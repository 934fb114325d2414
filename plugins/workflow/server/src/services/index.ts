import definitions from './definitions';
import history from './history';
import jobs from './jobs';
import locking from './locking';
import replies from './replies';
import staff from './staff';
import stats from './stats';
import targets from './targets';
import workflow from './workflow';

const services = { definitions, history, jobs, locking, replies, staff, stats, targets, workflow };
export default services;

export type WorkflowServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
