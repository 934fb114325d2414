import {
  allowedOrderActions,
  assertCanTransition,
  ORDER_ACTION_CODES,
  ORDER_PARTY_CODES,
  ORDER_STATUS_CODES,
  ORDER_STATUSES,
  OrderTransitionError,
  type OrderPartyCode,
  type OrderStatusCode,
} from '..';

/** The lifecycle of QC Điều 11 and 13, written out by hand: every allowed move and nothing else. */
const ALLOWED: [OrderStatusCode, string, OrderPartyCode, OrderStatusCode][] = [
  ['placed', 'notify_seller', 'system', 'awaiting_confirmation'],
  ['awaiting_confirmation', 'confirm', 'seller', 'awaiting_pickup'],
  ['awaiting_confirmation', 'decline', 'seller', 'cancelled'],
  ['awaiting_pickup', 'ship', 'seller', 'shipping'],
  ['shipping', 'deliver', 'seller', 'delivered'],
  ['awaiting_pickup', 'cancel', 'seller', 'cancelled'],
  ['shipping', 'cancel', 'seller', 'cancelled'],
  ['placed', 'cancel', 'buyer', 'cancelled'],
  ['awaiting_confirmation', 'cancel', 'buyer', 'cancelled'],
  ['shipping', 'confirm_receipt', 'buyer', 'delivered'],
];
const REASON_REQUIRED = new Set(['seller:decline', 'seller:cancel']);

const problemOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof OrderTransitionError)) throw error;
    return error.problem;
  }
};

describe('order statuses', () => {
  it('are the six of the regulation, with Vietnamese names', () => {
    expect(ORDER_STATUSES.map((s) => s.name)).toEqual([
      'Đã đặt',
      'Chờ xác nhận',
      'Chờ lấy hàng',
      'Đang giao hàng',
      'Đã giao hàng',
      'Đã hủy',
    ]);
  });
});

describe('assertCanTransition', () => {
  it.each(ALLOWED)('%s --%s by %s--> %s', (from, action, party, to) => {
    const reason = REASON_REQUIRED.has(`${party}:${action}`) ? 'Hết hàng' : undefined;
    expect(assertCanTransition(from, action, party, reason).to).toBe(to);
  });

  it('refuses every other combination of status, action and party, saying why', () => {
    const allowed = new Set(ALLOWED.map(([from, action, party]) => `${from}|${action}|${party}`));
    let refused = 0;
    for (const status of ORDER_STATUS_CODES) {
      for (const action of ORDER_ACTION_CODES) {
        for (const party of ORDER_PARTY_CODES) {
          if (allowed.has(`${status}|${action}|${party}`)) continue;
          const hasAny = ALLOWED.some(([, a, p]) => a === action && p === party);
          expect([
            status,
            action,
            party,
            problemOf(() => assertCanTransition(status, action, party, 'x')),
          ]).toEqual([status, action, party, hasAny ? 'wrong_status' : 'not_allowed']);
          refused += 1;
        }
      }
    }
    expect(refused).toBe(
      ORDER_STATUS_CODES.length * ORDER_ACTION_CODES.length * ORDER_PARTY_CODES.length - 10,
    );
  });

  it('never leaves a final status', () => {
    for (const status of ['delivered', 'cancelled'] as const) {
      for (const party of ORDER_PARTY_CODES) expect(allowedOrderActions(status, party)).toEqual([]);
    }
  });

  it.each([
    ['awaiting_confirmation', 'decline'],
    ['awaiting_pickup', 'cancel'],
    ['shipping', 'cancel'],
  ] as const)('needs a reason when the seller does %s → %s', (status, action) => {
    for (const reason of [undefined, null, '', '   ']) {
      expect(problemOf(() => assertCanTransition(status, action, 'seller', reason))).toBe('reason_required');
    }
    expect(() => assertCanTransition(status, action, 'seller', '')).toThrow('Hãy ghi lý do khi');
  });

  it('lets the buyer cancel without a reason', () => {
    expect(assertCanTransition('awaiting_confirmation', 'cancel', 'buyer').to).toBe('cancelled');
  });

  it('explains refusals in Vietnamese', () => {
    expect(() => assertCanTransition('delivered', 'cancel', 'buyer')).toThrow(
      'Không thể "hủy đơn hàng" khi đơn hàng đang ở trạng thái "Đã giao hàng".',
    );
    expect(() => assertCanTransition('awaiting_confirmation', 'confirm', 'buyer')).toThrow(
      'Người mua không được thực hiện thao tác "Xác nhận đơn hàng".',
    );
    expect(() => assertCanTransition('placed', 'pay', 'buyer')).toThrow('Thao tác "pay" không tồn tại.');
    expect(problemOf(() => assertCanTransition('placed', 'pay', 'buyer'))).toBe('unknown_action');
  });
});
