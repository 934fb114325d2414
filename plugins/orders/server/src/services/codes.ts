import { orderCode } from '../utils/order-code';

/**
 * Draws order codes: a service of its own so that a test can make two orders draw the same code
 * (as the clock service lets it set the time).
 */
export default () => ({
  next(at: Date): string {
    return orderCode(at);
  },
});
