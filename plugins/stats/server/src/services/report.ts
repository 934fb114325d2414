import type { Core } from '@strapi/strapi';
import type { Scope, StatTable } from './types';
import { statsService } from '../utils/get-service';

/** Indicators of the yearly e-commerce report of a department, in the order they are printed. */
const INDICATORS: { key: string; label: string; group: string }[] = [
  { key: 'sellersRegistered', label: 'Chủ thể kinh doanh đăng ký mới', group: 'Chủ thể kinh doanh' },
  { key: 'sellersVerified', label: 'Chủ thể kinh doanh được xác minh', group: 'Chủ thể kinh doanh' },
  { key: 'productsPosted', label: 'Sản phẩm đăng mới', group: 'Sản phẩm' },
  { key: 'productsApprovedNow', label: 'Sản phẩm đăng mới đang được bán', group: 'Sản phẩm' },
  { key: 'licencesSubmitted', label: 'Giấy phép, chứng nhận được nộp', group: 'Giấy phép, chứng nhận' },
  { key: 'licencesVerified', label: 'Giấy phép, chứng nhận được xác minh', group: 'Giấy phép, chứng nhận' },
  { key: 'ordersPlaced', label: 'Đơn hàng được đặt', group: 'Đơn hàng' },
  { key: 'ordersDelivered', label: 'Đơn hàng đã giao', group: 'Đơn hàng' },
  { key: 'ordersCancelled', label: 'Đơn hàng bị hủy', group: 'Đơn hàng' },
  { key: 'complaintsOpened', label: 'Khiếu nại của người mua', group: 'Khiếu nại' },
  { key: 'complaintsEscalated', label: 'Khiếu nại chuyển Ban quản lý Sàn', group: 'Khiếu nại' },
  { key: 'submissionsReceived', label: 'Hồ sơ kiểm duyệt nhận được', group: 'Kiểm duyệt' },
  { key: 'submissionsApproved', label: 'Hồ sơ được duyệt', group: 'Kiểm duyệt' },
  { key: 'submissionsRejected', label: 'Hồ sơ bị từ chối', group: 'Kiểm duyệt' },
  { key: 'decisionsOnTime', label: 'Lượt xử lý đúng hạn', group: 'Kiểm duyệt' },
  { key: 'decisionsLate', label: 'Lượt xử lý quá hạn', group: 'Kiểm duyệt' },
  { key: 'onTimeRate', label: 'Tỷ lệ xử lý đúng hạn (%)', group: 'Kiểm duyệt' },
  { key: 'averageDays', label: 'Thời gian xử lý trung bình (ngày)', group: 'Kiểm duyệt' },
];

/**
 * The yearly e-commerce report of a department (QC Điều 20; the coordination regulations ask the
 * departments for it each December): what happened in the year, and how timely moderation was.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async yearly(scope: Scope): Promise<{ summary: StatTable; details: StatTable[] }> {
    const figures = statsService(strapi, 'figures');
    const [counts, byDepartment, byOfficer, ordersByMonth, complaints] = await Promise.all([
      figures.periodCounts(scope),
      figures.submissionsByDepartment(scope),
      figures.submissionsByOfficer(scope),
      figures.ordersByMonth(scope),
      figures.complaintsByStatus(scope),
    ]);
    const sum = (table: StatTable, key: string) =>
      table.rows.reduce((total, row) => total + Number(row[key] ?? 0), 0);
    const decisions = sum(byOfficer, 'decisions');
    const late = sum(byOfficer, 'decidedLate');
    const closed = sum(byDepartment, 'approved') + sum(byDepartment, 'rejected');
    // The department average weighted by its closed submissions.
    const weighted = byDepartment.rows.reduce(
      (total, row) => total + Number(row.averageDays ?? 0) * (Number(row.approved) + Number(row.rejected)),
      0,
    );
    const values: Record<string, number | null> = {
      ...counts,
      submissionsReceived: sum(byDepartment, 'received'),
      submissionsApproved: sum(byDepartment, 'approved'),
      submissionsRejected: sum(byDepartment, 'rejected'),
      decisionsOnTime: decisions - late,
      decisionsLate: late,
      onTimeRate: decisions ? Math.round(((decisions - late) / decisions) * 1000) / 10 : null,
      averageDays: closed ? Math.round((weighted / closed) * 10) / 10 : null,
    };
    return {
      summary: {
        key: 'yearly-report',
        title: 'Tổng hợp',
        section: 'report',
        columns: [
          { key: 'group', label: 'Nhóm', type: 'text' },
          { key: 'indicator', label: 'Chỉ tiêu', type: 'text' },
          { key: 'value', label: 'Số liệu', type: 'number' },
        ],
        rows: INDICATORS.map((i) => ({ group: i.group, indicator: i.label, value: values[i.key] ?? null })),
      },
      details: [byDepartment, byOfficer, ordersByMonth, complaints],
    };
  },
});
