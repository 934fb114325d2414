/**
 * Quy trình kiểm duyệt (QC Điều 7, 10, 12): dữ liệu, không phải mã. Cán bộ có quyền sửa quy trình sửa
 * được trong trang quản trị ("Quy trình duyệt"); bản dưới đây là phiên bản 1 nạp lần đầu.
 *
 * Mỗi quy trình có các bước; mỗi bước ghi vai trò quản trị được xử lý, các thao tác được phép và thời
 * hạn tính bằng ngày làm việc (mặc định 3 ngày, QC Điều 7 và 10). Loại nội dung nào dùng quy trình nào
 * do chính loại nội dung khai báo (`pluginOptions.workflow`), không ghi ở đây.
 */
import type { ReplyAction, WorkflowAction, WorkflowDefinition, WorkflowStage } from '@sgd/contracts';

/** Cấp cán bộ: chuyên viên → lãnh đạo phòng (duyệt) → lãnh đạo đơn vị (xác nhận). */
export const STAFF_LEVELS = [
  { code: 'specialist', name: 'Chuyên viên', role: 'sgd-specialist' },
  { code: 'head_of_division', name: 'Lãnh đạo phòng', role: 'sgd-head-of-division' },
  { code: 'head_of_unit', name: 'Lãnh đạo đơn vị', role: 'sgd-head-of-unit' },
] as const;
export type StaffLevelCode = (typeof STAFF_LEVELS)[number]['code'];
export const STAFF_LEVEL_CODES = STAFF_LEVELS.map((level) => level.code) as StaffLevelCode[];

const SPECIALIST = 'sgd-specialist';
const HEAD_OF_DIVISION = 'sgd-head-of-division';
const HEAD_OF_UNIT = 'sgd-head-of-unit';

const ALL_ACTIONS: WorkflowAction[] = ['approve', 'reject', 'request_supplement', 'return'];

const stage = (
  code: string,
  name: string,
  roles: string[],
  actions: WorkflowAction[] = ALL_ACTIONS,
  deadlineDays = 3,
): WorkflowStage => ({ code, name, roles, actions, deadlineDays, templates: [] });

const specialistReview = stage(
  'specialist_review',
  'Chuyên viên thẩm định',
  [SPECIALIST, HEAD_OF_DIVISION],
  ['approve', 'reject', 'request_supplement'],
);
const divisionApproval = stage('division_approval', 'Lãnh đạo phòng duyệt', [HEAD_OF_DIVISION]);
const unitConfirmation = stage('unit_confirmation', 'Lãnh đạo đơn vị xác nhận', [HEAD_OF_UNIT]);
const singleReview = stage(
  'moderation',
  'Kiểm duyệt',
  [SPECIALIST, HEAD_OF_DIVISION, HEAD_OF_UNIT],
  ['approve', 'reject', 'request_supplement'],
);

/** Requests about one's personal data are answered within 2 working days (QC Điều 16). */
const dataRequestHandling = stage(
  'data_request_handling',
  'Xử lý yêu cầu',
  [SPECIALIST, HEAD_OF_DIVISION, HEAD_OF_UNIT],
  ['approve', 'reject', 'request_supplement'],
  2,
);

/** The board handles an escalated complaint (QC Điều 11, 13, 19.8). */
const complaintHandling = stage(
  'board_handling',
  'Ban quản lý Sàn xử lý khiếu nại',
  [SPECIALIST, HEAD_OF_DIVISION, HEAD_OF_UNIT],
  ['approve', 'reject', 'request_supplement'],
);
/** News and legal documents: an officer writes, the heads of division and of unit approve publication. */
const contentReview = stage(
  'content_review',
  'Lãnh đạo phòng duyệt nội dung',
  [HEAD_OF_DIVISION],
  ['approve', 'reject', 'request_supplement'],
  2,
);
const publicationApproval = stage(
  'publication_approval',
  'Lãnh đạo đơn vị duyệt đăng',
  [HEAD_OF_UNIT],
  ALL_ACTIONS,
  1,
);

/** A report of a violation is checked by the responsible department (QC Điều 26.2). */
const reportReview = stage(
  'report_review',
  'Xem xét phản ánh vi phạm',
  [SPECIALIST, HEAD_OF_DIVISION, HEAD_OF_UNIT],
  ['approve', 'reject'],
);

export const WORKFLOWS: WorkflowDefinition[] = [
  {
    code: 'seller_verification',
    name: 'Xác thực chủ thể sản xuất, kinh doanh',
    contentTypes: [],
    stages: [specialistReview, divisionApproval, unitConfirmation],
  },
  {
    code: 'licence_verification',
    name: 'Xác thực giấy phép, chứng nhận',
    contentTypes: [],
    stages: [specialistReview, divisionApproval],
  },
  {
    code: 'product_moderation',
    name: 'Kiểm duyệt sản phẩm và vùng sản xuất',
    contentTypes: [],
    stages: [specialistReview, divisionApproval],
  },
  {
    code: 'listing_moderation',
    name: 'Kiểm duyệt thông tin chuyên ngành (QC Điều 6.9)',
    contentTypes: [],
    stages: [specialistReview, divisionApproval],
  },
  {
    code: 'post_moderation',
    name: 'Kiểm duyệt tin mua, tin bán (QC Điều 10.3)',
    contentTypes: [],
    stages: [singleReview],
  },
  {
    code: 'data_request',
    name: 'Yêu cầu về dữ liệu cá nhân (QC Điều 16)',
    contentTypes: [],
    stages: [dataRequestHandling],
  },
  {
    code: 'complaint_handling',
    name: 'Xử lý khiếu nại của người mua (QC Điều 11, 13)',
    contentTypes: [],
    stages: [complaintHandling],
  },
  {
    code: 'violation_report',
    name: 'Phản ánh vi phạm (QC Điều 26.2)',
    contentTypes: [],
    stages: [reportReview],
  },
  {
    code: 'review_comment',
    name: 'Kiểm duyệt đánh giá và bình luận (QC Điều 10.3)',
    contentTypes: [],
    stages: [singleReview],
  },
  {
    code: 'editorial_review',
    name: 'Biên tập tin tức, văn bản (đăng trên Sàn)',
    contentTypes: [],
    stages: [contentReview, publicationApproval],
  },
];

/** Mẫu trả lời nạp lần đầu; cán bộ sửa trong trang quản trị. Chỗ điền: {{submitterName}}, {{itemTitle}}, {{reason}}. */
export interface ReplyTemplateData {
  workflow: string | null;
  action: ReplyAction | 'submit' | 'lock' | 'unlock';
  name: string;
  subject: string;
  body: string;
}

const SIGNATURE = '\n\nTrân trọng,\nBan quản lý Sàn giao dịch điện tử';

export const REPLY_TEMPLATES: ReplyTemplateData[] = [
  {
    workflow: null,
    action: 'submit',
    name: 'Xác nhận đã nhận hồ sơ',
    subject: 'Sàn giao dịch đã nhận hồ sơ "{{itemTitle}}"',
    body:
      'Kính gửi {{submitterName}},\n\nSàn giao dịch điện tử đã nhận hồ sơ "{{itemTitle}}". Cơ quan phụ trách sẽ ' +
      'xem xét và trả lời trong thời hạn {{deadlineDays}} ngày làm việc (hạn xử lý: {{dueDate}}).' +
      SIGNATURE,
  },
  {
    workflow: null,
    action: 'approve',
    name: 'Chấp thuận',
    subject: 'Hồ sơ "{{itemTitle}}" đã được duyệt',
    body:
      'Kính gửi {{submitterName}},\n\nHồ sơ "{{itemTitle}}" đã được duyệt và đã hiển thị công khai trên Sàn giao ' +
      'dịch điện tử.{{reasonLine}}' +
      SIGNATURE,
  },
  {
    workflow: 'data_request',
    action: 'approve',
    name: 'Đã xử lý yêu cầu về dữ liệu cá nhân',
    subject: 'Yêu cầu "{{itemTitle}}" đã được xử lý',
    body:
      'Kính gửi {{submitterName}},\n\nYêu cầu "{{itemTitle}}" của quý vị về dữ liệu cá nhân đã được xử lý.{{reasonLine}}' +
      SIGNATURE,
  },
  {
    workflow: 'complaint_handling',
    action: 'approve',
    name: 'Đã xử lý khiếu nại',
    subject: 'Ban quản lý Sàn đã xử lý khiếu nại "{{itemTitle}}"',
    body:
      'Kính gửi {{submitterName}},\n\nBan quản lý Sàn giao dịch điện tử đã xử lý xong khiếu nại "{{itemTitle}}".' +
      '{{reasonLine}}' +
      SIGNATURE,
  },
  {
    workflow: 'complaint_handling',
    action: 'reject',
    name: 'Khiếu nại không có cơ sở',
    subject: 'Kết quả xử lý khiếu nại "{{itemTitle}}"',
    body:
      'Kính gửi {{submitterName}},\n\nBan quản lý Sàn giao dịch điện tử đã xem xét khiếu nại "{{itemTitle}}" và ' +
      'kết luận khiếu nại không có cơ sở.\nLý do: {{reason}}\n\nQuý vị có thể đưa vụ việc ra cơ quan nhà nước có ' +
      'thẩm quyền giải quyết theo pháp luật.' +
      SIGNATURE,
  },
  {
    workflow: 'violation_report',
    action: 'approve',
    name: 'Phản ánh đúng, đã xử lý',
    subject: 'Phản ánh "{{itemTitle}}" đã được xử lý',
    body:
      'Kính gửi {{submitterName}},\n\nCảm ơn quý vị đã phản ánh "{{itemTitle}}". Cơ quan phụ trách đã xác minh ' +
      'và xử lý vi phạm.{{reasonLine}}' +
      SIGNATURE,
  },
  {
    workflow: 'violation_report',
    action: 'reject',
    name: 'Không phát hiện vi phạm',
    subject: 'Kết quả xem xét phản ánh "{{itemTitle}}"',
    body:
      'Kính gửi {{submitterName}},\n\nCảm ơn quý vị đã phản ánh "{{itemTitle}}". Cơ quan phụ trách đã xác minh ' +
      'và chưa phát hiện vi phạm.\nLý do: {{reason}}' +
      SIGNATURE,
  },
  {
    workflow: null,
    action: 'reject',
    name: 'Từ chối: thông tin không đúng sự thật',
    subject: 'Hồ sơ "{{itemTitle}}" không được chấp thuận',
    body:
      'Kính gửi {{submitterName}},\n\nHồ sơ "{{itemTitle}}" không được chấp thuận.\nLý do: {{reason}}\n\nQuý vị có ' +
      'thể chỉnh sửa và nộp lại hồ sơ mới.' +
      SIGNATURE,
  },
  {
    workflow: null,
    action: 'request_supplement',
    name: 'Yêu cầu bổ sung hồ sơ',
    subject: 'Đề nghị bổ sung hồ sơ "{{itemTitle}}"',
    body:
      'Kính gửi {{submitterName}},\n\nĐể hoàn tất xem xét hồ sơ "{{itemTitle}}", đề nghị quý vị bổ sung:\n' +
      '{{reason}}\n\nSau khi bổ sung, quý vị nộp lại hồ sơ; thời hạn xử lý được tính lại từ ngày nộp lại.' +
      SIGNATURE,
  },
  {
    workflow: 'seller_verification',
    action: 'request_supplement',
    name: 'Bổ sung giấy chứng nhận đăng ký kinh doanh',
    subject: 'Đề nghị bổ sung giấy chứng nhận đăng ký kinh doanh',
    body:
      'Kính gửi {{submitterName}},\n\nHồ sơ "{{itemTitle}}" còn thiếu bản chụp giấy chứng nhận đăng ký doanh ' +
      'nghiệp/hộ kinh doanh còn hiệu lực. {{reason}}\n\nĐề nghị quý vị tải lên bản chụp rõ nét và nộp lại hồ sơ.' +
      SIGNATURE,
  },
  {
    workflow: null,
    action: 'lock',
    name: 'Thông báo khóa',
    subject: '"{{itemTitle}}" đã bị khóa trên Sàn giao dịch điện tử',
    body:
      'Kính gửi {{submitterName}},\n\n"{{itemTitle}}" đã bị khóa theo Điều 9 Quy chế hoạt động của Sàn.\nLý do: ' +
      '{{reason}}\n\nSau khi khắc phục vi phạm, quý vị đề nghị mở khóa; hồ sơ sẽ được xác minh lại theo quy trình ' +
      'xác thực.' +
      SIGNATURE,
  },
  {
    workflow: null,
    action: 'unlock',
    name: 'Thông báo mở khóa để xác minh lại',
    subject: '"{{itemTitle}}" đang được xác minh lại',
    body:
      'Kính gửi {{submitterName}},\n\n"{{itemTitle}}" đã được mở khóa để xác minh lại. Nội dung sẽ hiển thị trở ' +
      'lại sau khi cơ quan phụ trách duyệt.{{reasonLine}}' +
      SIGNATURE,
  },
];
