/**
 * Khiếu nại, phản ánh vi phạm và hàng cấm (QC Điều 11, 13, 17.2, 19.8, 24, 26.2): trạng thái, lý do,
 * loại nội dung bị phản ánh và danh sách hàng cấm là dữ liệu. Một hàm duy nhất
 * (`assertComplaintTransition`) quyết định ai được chuyển khiếu nại từ trạng thái nào sang trạng thái nào.
 */

export const COMPLAINT_STATUSES = [
  { code: 'opened', name: 'Chờ người bán giải quyết' },
  { code: 'answered', name: 'Người bán đã trả lời' },
  { code: 'resolved', name: 'Đã giải quyết' },
  { code: 'escalated', name: 'Ban quản lý Sàn đang xử lý' },
  { code: 'forwarded', name: 'Đã chuyển Hội Bảo vệ quyền lợi người tiêu dùng' },
  { code: 'closed', name: 'Ban quản lý Sàn đã xử lý xong' },
] as const;
export type ComplaintStatusCode = (typeof COMPLAINT_STATUSES)[number]['code'];
export const COMPLAINT_STATUS_CODES = COMPLAINT_STATUSES.map((s) => s.code) as ComplaintStatusCode[];

/** Khiếu nại còn mở (chưa giải quyết xong): mỗi đơn hàng chỉ có một khiếu nại mở. */
export const OPEN_COMPLAINT_STATUSES: ComplaintStatusCode[] = [
  'opened',
  'answered',
  'escalated',
  'forwarded',
];

export const COMPLAINT_PARTIES = [
  { code: 'buyer', name: 'Người mua' },
  { code: 'seller', name: 'Người bán' },
  { code: 'staff', name: 'Cán bộ' },
  { code: 'system', name: 'Hệ thống' },
] as const;
export type ComplaintPartyCode = (typeof COMPLAINT_PARTIES)[number]['code'];
export const COMPLAINT_PARTY_CODES = COMPLAINT_PARTIES.map((p) => p.code) as ComplaintPartyCode[];

/** Điều người mua đề nghị người bán làm. */
export const COMPLAINT_REMEDIES = [
  { code: 'exchange', name: 'Đổi hàng' },
  { code: 'refund', name: 'Trả hàng, hoàn tiền' },
  { code: 'redeliver', name: 'Giao bù hàng còn thiếu' },
  { code: 'compensation', name: 'Bồi thường thiệt hại' },
  { code: 'apology', name: 'Xin lỗi, chấn chỉnh' },
  { code: 'other', name: 'Khác (ghi trong nội dung)' },
] as const;
export type ComplaintRemedyCode = (typeof COMPLAINT_REMEDIES)[number]['code'];
export const COMPLAINT_REMEDY_CODES = COMPLAINT_REMEDIES.map((r) => r.code) as ComplaintRemedyCode[];

export interface ComplaintTransition {
  /** Mã thao tác, dùng trong API: `POST /api/complaints/:documentId/actions { action }`. */
  readonly action: string;
  readonly name: string;
  readonly from: readonly ComplaintStatusCode[];
  readonly to: ComplaintStatusCode;
  readonly by: ComplaintPartyCode;
  readonly messageRequired: boolean;
}

/**
 * Khiếu nại gửi người bán trước (QC Điều 11, 13). Người bán trả lời; người mua chấp nhận câu trả lời,
 * hoặc chuyển Ban quản lý Sàn bất cứ lúc nào; quá hạn mà người mua chưa chấp nhận thì hệ thống tự
 * chuyển. Ban quản lý xử lý theo quy trình `complaint_handling`; cán bộ có thể chuyển vụ việc đến Hội
 * Bảo vệ quyền lợi người tiêu dùng (QC Điều 19.8, 24); khi Ban quản lý kết thúc hồ sơ, khiếu nại đóng.
 */
export const COMPLAINT_TRANSITIONS = [
  {
    action: 'answer',
    name: 'Trả lời khiếu nại',
    from: ['opened', 'answered'],
    to: 'answered',
    by: 'seller',
    messageRequired: true,
  },
  {
    action: 'accept',
    name: 'Chấp nhận cách giải quyết',
    from: ['answered'],
    to: 'resolved',
    by: 'buyer',
    messageRequired: false,
  },
  {
    action: 'escalate',
    name: 'Chuyển Ban quản lý Sàn',
    from: ['opened', 'answered'],
    to: 'escalated',
    by: 'buyer',
    messageRequired: false,
  },
  {
    action: 'escalate_overdue',
    name: 'Tự động chuyển Ban quản lý Sàn do người bán chưa giải quyết đúng hạn',
    from: ['opened', 'answered'],
    to: 'escalated',
    by: 'system',
    messageRequired: false,
  },
  {
    action: 'forward',
    name: 'Chuyển Hội Bảo vệ quyền lợi người tiêu dùng',
    from: ['escalated'],
    to: 'forwarded',
    by: 'staff',
    messageRequired: true,
  },
  {
    action: 'close',
    name: 'Ban quản lý Sàn kết thúc xử lý',
    from: ['escalated', 'forwarded'],
    to: 'closed',
    by: 'system',
    messageRequired: false,
  },
] as const satisfies readonly ComplaintTransition[];
export type ComplaintActionCode = (typeof COMPLAINT_TRANSITIONS)[number]['action'];
export const COMPLAINT_ACTION_CODES = [
  ...new Set(COMPLAINT_TRANSITIONS.map((t) => t.action)),
] as ComplaintActionCode[];

export const COMPLAINT_LIMITS = {
  subject: 200,
  description: 5000,
  message: 5000,
} as const;

export const complaintStatusName = (code: ComplaintStatusCode): string =>
  COMPLAINT_STATUSES.find((s) => s.code === code)?.name ?? code;

export type ComplaintTransitionProblem =
  'unknown_action' | 'not_allowed' | 'wrong_status' | 'message_required';

export class ComplaintTransitionError extends Error {
  constructor(
    readonly problem: ComplaintTransitionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ComplaintTransitionError';
  }
}

/** Thao tác mà một bên làm được với khiếu nại ở trạng thái này. */
export function allowedComplaintActions(
  status: ComplaintStatusCode,
  party: ComplaintPartyCode,
): ComplaintTransition[] {
  return COMPLAINT_TRANSITIONS.filter(
    (t) => t.by === party && (t.from as readonly ComplaintStatusCode[]).includes(status),
  );
}

/**
 * Trả về bước chuyển khi `party` được làm `action` với khiếu nại đang ở `status` (có nội dung khi cần),
 * nếu không thì ném `ComplaintTransitionError` với câu giải thích cho người dùng.
 */
export function assertComplaintTransition(
  status: ComplaintStatusCode,
  action: string,
  party: ComplaintPartyCode,
  message?: string | null,
): ComplaintTransition {
  const candidates: readonly ComplaintTransition[] = COMPLAINT_TRANSITIONS.filter((t) => t.action === action);
  if (candidates.length === 0) {
    throw new ComplaintTransitionError('unknown_action', `Thao tác "${action}" không tồn tại.`);
  }
  const byParty = candidates.filter((t) => t.by === party);
  if (byParty.length === 0) {
    const partyName = COMPLAINT_PARTIES.find((p) => p.code === party)?.name ?? party;
    throw new ComplaintTransitionError(
      'not_allowed',
      `${partyName} không được thực hiện thao tác "${candidates[0].name}".`,
    );
  }
  const transition = byParty.find((t) => t.from.includes(status));
  if (!transition) {
    throw new ComplaintTransitionError(
      'wrong_status',
      `Không thể "${byParty[0].name.toLowerCase()}" khi khiếu nại đang ở trạng thái "${complaintStatusName(status)}".`,
    );
  }
  if (transition.messageRequired && !message?.trim()) {
    throw new ComplaintTransitionError(
      'message_required',
      `Hãy ghi nội dung khi ${transition.name.toLowerCase()}.`,
    );
  }
  return transition;
}

/**
 * Nội dung có thể bị phản ánh vi phạm (QC Điều 26.2). Cơ quan phụ trách lấy theo cách quy trình duyệt của
 * loại nội dung đó tìm sở (`WORKFLOW_BINDINGS`); thêm một loại (ví dụ đánh giá) là thêm một dòng.
 */
export const REPORT_TARGET_TYPES = [
  { code: 'product', name: 'Sản phẩm, dịch vụ', uid: 'plugin::catalog.product' },
  { code: 'seller', name: 'Chủ thể sản xuất, kinh doanh', uid: 'plugin::sellers.seller' },
  { code: 'supply-demand-post', name: 'Tin mua, tin bán', uid: 'plugin::catalog.supply-demand-post' },
  { code: 'review', name: 'Đánh giá của người mua', uid: 'plugin::reviews.review' },
  { code: 'comment', name: 'Bình luận', uid: 'plugin::reviews.comment' },
] as const;
export type ReportTargetTypeCode = (typeof REPORT_TARGET_TYPES)[number]['code'];
export const REPORT_TARGET_TYPE_CODES = REPORT_TARGET_TYPES.map((t) => t.code) as ReportTargetTypeCode[];

/** Lý do phản ánh. */
export const REPORT_REASONS = [
  { code: 'counterfeit', name: 'Hàng giả, hàng nhái' },
  { code: 'banned_goods', name: 'Hàng cấm kinh doanh hoặc cấm quảng cáo' },
  { code: 'false_information', name: 'Thông tin sai sự thật' },
  { code: 'fraud', name: 'Lừa đảo' },
  { code: 'inappropriate', name: 'Nội dung không phù hợp' },
  { code: 'other', name: 'Khác' },
] as const;
export type ReportReasonCode = (typeof REPORT_REASONS)[number]['code'];
export const REPORT_REASON_CODES = REPORT_REASONS.map((r) => r.code) as ReportReasonCode[];

/** Giới hạn tần suất theo IP: `AUTH_RATE_LIMITS['violation-report']` (config/src/accounts.ts). */
export const REPORT_LIMITS = {
  detailsMin: 10,
  details: 3000,
  name: 150,
} as const;

/**
 * Hàng hóa, dịch vụ cấm kinh doanh hoặc cấm quảng cáo (QC Điều 17.2; Luật Đầu tư 2020 Điều 6, Luật
 * Quảng cáo Điều 7, Nghị quyết 173/2024/QH15). Từ khóa so khớp không phân biệt dấu và hoa thường, theo
 * nguyên từ; dùng cụm từ đủ rõ để tránh trùng chữ thường gặp ("súng" trùng "bổ sung" khi bỏ dấu). Khớp
 * không chặn sản phẩm mà đánh dấu cho cán bộ xem xét.
 */
export const BANNED_GOODS = [
  {
    code: 'narcotics',
    name: 'Chất ma túy',
    keywords: ['ma túy', 'heroin', 'thuốc phiện', 'cần sa', 'cocaine', 'thuốc lắc', 'ma túy đá', 'ketamine'],
  },
  {
    code: 'weapons',
    name: 'Vũ khí, công cụ hỗ trợ, vật liệu nổ',
    keywords: [
      'súng quân dụng',
      'súng săn',
      'súng hơi',
      'súng bắn đạn',
      'đạn dược',
      'lựu đạn',
      'thuốc nổ',
      'pháo nổ',
      'dùi cui điện',
    ],
  },
  {
    code: 'wildlife',
    name: 'Động vật, thực vật hoang dã nguy cấp, quý, hiếm',
    keywords: ['ngà voi', 'sừng tê giác', 'vảy tê tê', 'mật gấu', 'cao hổ', 'da hổ', 'trầm hương tự nhiên'],
  },
  {
    code: 'toxic_chemicals',
    name: 'Hóa chất, thuốc bảo vệ thực vật cấm',
    keywords: ['xyanua', 'cyanide', 'paraquat', 'thuốc diệt cỏ cháy', 'chất cấm tăng trọng', 'salbutamol'],
  },
  {
    code: 'e_cigarettes',
    name: 'Thuốc lá điện tử, thuốc lá nung nóng',
    keywords: ['thuốc lá điện tử', 'thuốc lá nung nóng', 'vape', 'pod system'],
  },
  {
    code: 'advertising_banned',
    name: 'Hàng cấm quảng cáo (thuốc kê đơn, sữa thay thế sữa mẹ cho trẻ dưới 24 tháng)',
    keywords: ['thuốc kê đơn', 'sữa thay thế sữa mẹ', 'thuốc kháng sinh'],
  },
] as const satisfies readonly { code: string; name: string; keywords: readonly string[] }[];
export type BannedGoodsCode = (typeof BANNED_GOODS)[number]['code'];
