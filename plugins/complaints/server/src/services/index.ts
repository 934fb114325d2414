import bannedGoods from './banned-goods';
import complaints from './complaints';
import notifier from './notifier';
import reports from './reports';

const services = { complaints, notifier, reports, 'banned-goods': bannedGoods };
export default services;

export type ComplaintsServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export { complaintsService } from '../utils/get-service';
