import type { FieldLabels } from './lib/admin-labels';
import { UID } from './constants';

export const labels: Record<string, FieldLabels> = {
  [UID.department]: {
    name: 'Tên sở, ngành',
    code: 'Mã',
    email: 'Email',
    phone: 'Điện thoại',
    address: 'Địa chỉ',
  },
  [UID.administrativeUnit]: {
    name: 'Tên đơn vị',
    code: 'Mã đơn vị hành chính',
    level: 'Cấp',
    kind: 'Loại',
    parent: 'Trực thuộc',
    effectiveFrom: 'Hiệu lực từ ngày',
    effectiveTo: 'Hết hiệu lực từ ngày',
    formerNames: 'Tên cũ (địa chỉ trước sắp xếp)',
    latitude: 'Vĩ độ',
    longitude: 'Kinh độ',
  },
  [UID.calendarYear]: {
    year: 'Năm',
    tetFrom: 'Nghỉ Tết từ ngày',
    tetTo: 'Nghỉ Tết đến ngày',
    daysOff: 'Ngày nghỉ thêm [{"date":"YYYY-MM-DD","name":"…"}]',
    workingDays: 'Ngày làm bù [{"date":"YYYY-MM-DD","name":"…"}]',
    note: 'Ghi chú',
  },
  [UID.auditEntry]: {
    action: 'Thao tác',
    actorId: 'Mã cán bộ',
    actorEmail: 'Email cán bộ',
    target: 'Đối tượng',
    details: 'Chi tiết',
    ip: 'Địa chỉ IP',
  },
};
