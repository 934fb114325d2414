import codes from './codes';
import notifier from './notifier';
import orders from './orders';

const services = { orders, notifier, codes };
export default services;

export type OrdersServices = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export { ordersService } from '../utils/get-service';
