/**
 * Đơn hàng (QC Điều 11, 13, 14): trạng thái và các bước chuyển là dữ liệu, không phải mã. Một hàm
 * duy nhất (`assertCanTransition`) quyết định ai được chuyển đơn từ trạng thái nào sang trạng thái nào.
 * Sàn không có thanh toán trực tuyến: người mua và người bán tự thỏa thuận việc thanh toán.
 */

export const ORDER_STATUSES = [
  { code: 'placed', name: 'Đã đặt' },
  { code: 'awaiting_confirmation', name: 'Chờ xác nhận' },
  { code: 'awaiting_pickup', name: 'Chờ lấy hàng' },
  { code: 'shipping', name: 'Đang giao hàng' },
  { code: 'delivered', name: 'Đã giao hàng' },
  { code: 'cancelled', name: 'Đã hủy' },
] as const;
export type OrderStatusCode = (typeof ORDER_STATUSES)[number]['code'];
export const ORDER_STATUS_CODES = ORDER_STATUSES.map((s) => s.code) as OrderStatusCode[];

/** Ai làm: người mua, người bán (chủ tài khoản của chủ thể kinh doanh), cán bộ, hoặc hệ thống. */
export const ORDER_PARTIES = [
  { code: 'buyer', name: 'Người mua' },
  { code: 'seller', name: 'Người bán' },
  { code: 'staff', name: 'Cán bộ' },
  { code: 'system', name: 'Hệ thống' },
] as const;
export type OrderPartyCode = (typeof ORDER_PARTIES)[number]['code'];
export const ORDER_PARTY_CODES = ORDER_PARTIES.map((p) => p.code) as OrderPartyCode[];

export interface OrderTransition {
  /** Mã thao tác, dùng trong API: `POST /api/orders/:code/actions { action }`. */
  readonly action: string;
  readonly name: string;
  readonly from: readonly OrderStatusCode[];
  readonly to: OrderStatusCode;
  readonly by: OrderPartyCode;
  readonly reasonRequired: boolean;
}

/**
 * Các bước chuyển được phép. Đơn mới ở "Đã đặt"; khi thông báo đã tới người bán (trong cùng giao dịch
 * tạo đơn), hệ thống chuyển sang "Chờ xác nhận". Người mua hủy được trước khi người bán xác nhận; người
 * bán từ chối hoặc hủy phải ghi lý do.
 */
export const ORDER_TRANSITIONS = [
  {
    action: 'notify_seller',
    name: 'Gửi đơn đến người bán',
    from: ['placed'],
    to: 'awaiting_confirmation',
    by: 'system',
    reasonRequired: false,
  },
  {
    action: 'confirm',
    name: 'Xác nhận đơn hàng',
    from: ['awaiting_confirmation'],
    to: 'awaiting_pickup',
    by: 'seller',
    reasonRequired: false,
  },
  {
    action: 'decline',
    name: 'Từ chối đơn hàng',
    from: ['awaiting_confirmation'],
    to: 'cancelled',
    by: 'seller',
    reasonRequired: true,
  },
  {
    action: 'ship',
    name: 'Đã lấy hàng, đang giao',
    from: ['awaiting_pickup'],
    to: 'shipping',
    by: 'seller',
    reasonRequired: false,
  },
  {
    action: 'deliver',
    name: 'Đã giao hàng',
    from: ['shipping'],
    to: 'delivered',
    by: 'seller',
    reasonRequired: false,
  },
  {
    action: 'cancel',
    name: 'Hủy đơn hàng',
    from: ['awaiting_pickup', 'shipping'],
    to: 'cancelled',
    by: 'seller',
    reasonRequired: true,
  },
  {
    action: 'cancel',
    name: 'Hủy đơn hàng',
    from: ['placed', 'awaiting_confirmation'],
    to: 'cancelled',
    by: 'buyer',
    reasonRequired: false,
  },
  {
    action: 'confirm_receipt',
    name: 'Đã nhận hàng',
    from: ['shipping'],
    to: 'delivered',
    by: 'buyer',
    reasonRequired: false,
  },
] as const satisfies readonly OrderTransition[];
export type OrderActionCode = (typeof ORDER_TRANSITIONS)[number]['action'];
export const ORDER_ACTION_CODES = [...new Set(ORDER_TRANSITIONS.map((t) => t.action))] as OrderActionCode[];

/** Giới hạn của một đơn hàng. */
export const ORDER_LIMITS = {
  /** Số dòng sản phẩm tối đa trong một đơn. */
  maxLines: 50,
  /** Số lượng tối đa của một dòng (theo đơn vị tính của sản phẩm). */
  maxQuantity: 10_000,
  /** Độ dài tối đa của ghi chú và lý do. */
  maxNote: 1000,
  maxReason: 1000,
} as const;

export const orderStatusName = (code: OrderStatusCode): string =>
  ORDER_STATUSES.find((s) => s.code === code)?.name ?? code;

/** Vì sao một bước chuyển bị từ chối: thao tác không có, sai bên, sai trạng thái, thiếu lý do. */
export type OrderTransitionProblem = 'unknown_action' | 'not_allowed' | 'wrong_status' | 'reason_required';

export class OrderTransitionError extends Error {
  constructor(
    readonly problem: OrderTransitionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'OrderTransitionError';
  }
}

/** Thao tác mà một bên làm được với đơn ở trạng thái này. */
export function allowedOrderActions(status: OrderStatusCode, party: OrderPartyCode): OrderTransition[] {
  return ORDER_TRANSITIONS.filter(
    (t) => t.by === party && (t.from as readonly OrderStatusCode[]).includes(status),
  );
}

/**
 * Trả về bước chuyển khi `party` được làm `action` với đơn đang ở `status` (có lý do khi cần), nếu không
 * thì ném `OrderTransitionError` với câu giải thích cho người dùng.
 */
export function assertCanTransition(
  status: OrderStatusCode,
  action: string,
  party: OrderPartyCode,
  reason?: string | null,
): OrderTransition {
  const candidates: readonly OrderTransition[] = ORDER_TRANSITIONS.filter((t) => t.action === action);
  if (candidates.length === 0) {
    throw new OrderTransitionError('unknown_action', `Thao tác "${action}" không tồn tại.`);
  }
  const byParty = candidates.filter((t) => t.by === party);
  if (byParty.length === 0) {
    const partyName = ORDER_PARTIES.find((p) => p.code === party)?.name ?? party;
    throw new OrderTransitionError(
      'not_allowed',
      `${partyName} không được thực hiện thao tác "${candidates[0].name}".`,
    );
  }
  const transition = byParty.find((t) => t.from.includes(status));
  if (!transition) {
    throw new OrderTransitionError(
      'wrong_status',
      `Không thể "${byParty[0].name.toLowerCase()}" khi đơn hàng đang ở trạng thái "${orderStatusName(status)}".`,
    );
  }
  if (transition.reasonRequired && !reason?.trim()) {
    throw new OrderTransitionError('reason_required', `Hãy ghi lý do khi ${transition.name.toLowerCase()}.`);
  }
  return transition;
}
