import { EXAMPLE_COMMUNE, EXCHANGE } from '@sgd/config';
import { type AdminViews } from './lib/admin-views';
import { UID } from './constants';

/** How the reference data and the audit log read in the admin. */
export const views: AdminViews = {
  [UID.department]: {
    mainField: 'name',
    list: ['name', 'code', 'email', 'phone'],
    sort: { field: 'name', order: 'ASC' },
    fields: {
      name: { label: 'Tên sở, ngành', placeholder: 'Sở Công Thương' },
      code: {
        label: 'Mã',
        description: 'Mã viết tắt, không đổi sau khi tạo (SCT, SYT…).',
        placeholder: 'SCT',
      },
      email: {
        label: 'Email',
        description: 'Hiển thị trên trang Liên hệ của sàn.',
        placeholder: `sct@${EXCHANGE.domain}`,
      },
      phone: { label: 'Điện thoại', placeholder: '0277 3851 234' },
      address: { label: 'Địa chỉ', placeholder: 'Số nhà, đường, phường, tỉnh' },
    },
  },
  [UID.administrativeUnit]: {
    mainField: 'name',
    list: ['name', 'code', 'level', 'effectiveFrom', 'effectiveTo'],
    sort: { field: 'name', order: 'ASC' },
    fields: {
      name: { label: 'Tên đơn vị', placeholder: EXAMPLE_COMMUNE },
      code: {
        label: 'Mã đơn vị hành chính',
        description: 'Theo Quyết định 19/2025/QĐ-TTg (tỉnh 2 chữ số, xã 5 chữ số).',
        placeholder: '28249',
      },
      level: 'Cấp',
      kind: { label: 'Loại', placeholder: 'xã, phường hoặc đặc khu' },
      parent: 'Trực thuộc',
      effectiveFrom: 'Hiệu lực từ ngày',
      effectiveTo: {
        label: 'Hết hiệu lực từ ngày',
        description: 'Để trống khi đơn vị đang hiệu lực; khi sắp xếp lại, ghi ngày cuối và thêm đơn vị mới.',
      },
      formerNames: {
        label: 'Tên cũ (địa chỉ trước sắp xếp)',
        description: 'Mỗi dòng một đơn vị cũ: xã, huyện, tỉnh. Địa chỉ cũ vẫn tìm được.',
      },
      latitude: { label: 'Vĩ độ', placeholder: '10.3600' },
      longitude: { label: 'Kinh độ', placeholder: '106.3600' },
    },
  },
  [UID.calendarYear]: {
    mainField: 'year',
    list: ['year', 'tetFrom', 'tetTo', 'note'],
    sort: { field: 'year', order: 'DESC' },
    fields: {
      year: { label: 'Năm', placeholder: '2027' },
      tetFrom: 'Nghỉ Tết từ ngày',
      tetTo: 'Nghỉ Tết đến ngày',
      daysOff: {
        label: 'Ngày nghỉ thêm',
        description: 'Theo thông báo của Chính phủ: [{"date":"2027-09-03","name":"Nghỉ bù Quốc khánh"}]',
      },
      workingDays: {
        label: 'Ngày làm bù',
        description: 'Ngày thứ Bảy làm bù: [{"date":"2027-01-09","name":"Làm bù Tết"}]',
      },
      note: 'Ghi chú',
    },
  },
  [UID.auditEntry]: {
    list: ['createdAt', 'actorName', 'actorEmail', 'action', 'target', 'ip'],
    sort: { field: 'createdAt', order: 'DESC' },
    fields: {
      createdAt: 'Thời điểm',
      action: 'Thao tác',
      actorId: 'Mã cán bộ',
      actorName: 'Cán bộ',
      actorEmail: 'Email cán bộ',
      target: 'Đối tượng',
      details: 'Chi tiết',
      ip: 'Địa chỉ máy',
    },
  },
};
