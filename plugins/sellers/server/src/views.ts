import { EXCHANGE } from '@sgd/config';
import type { AdminViews } from '@sgd/plugin-core';
import { UID } from './constants';

const moderation = {
  internalNote: {
    label: 'Ghi chú nội bộ',
    description: 'Chỉ cán bộ đọc được; không gửi người bán, không công khai.',
  },
  department: { label: 'Sở phụ trách', description: 'Sở xác minh, kiểm duyệt và quản lý hồ sơ này.' },
};

/** How sellers, licences and production areas read in the admin. */
export const views: AdminViews = {
  [UID.seller]: {
    mainField: 'name',
    list: ['name', 'legalForm', 'commune', 'verificationStatus', 'department'],
    sort: { field: 'updatedAt', order: 'DESC' },
    fields: {
      name: { label: 'Tên chủ thể', placeholder: 'Hợp tác xã Xoài cát Hòa Lộc' },
      slug: { label: 'Đường dẫn', description: 'Tạo từ tên; là địa chỉ trang của chủ thể trên sàn.' },
      legalForm: 'Loại hình',
      enterpriseCode: {
        label: 'Mã số doanh nghiệp / mã số thuế',
        description: '10 chữ số, hoặc 13 chữ số với chi nhánh.',
        placeholder: '1201234567',
      },
      registrationDate: 'Ngày cấp đăng ký kinh doanh',
      registrationIssuer: {
        label: 'Nơi cấp đăng ký kinh doanh',
        placeholder: `Sở Tài chính ${EXCHANGE.province}`,
      },
      citizenId: {
        label: 'Số CCCD (không công khai)',
        description: 'Dữ liệu cá nhân nhạy cảm: chỉ dùng để xác minh.',
        placeholder: '12 chữ số',
      },
      representative: { label: 'Người đại diện', placeholder: 'Họ và tên' },
      phone: { label: 'Điện thoại', placeholder: '0912345678' },
      email: { label: 'Email', placeholder: 'lienhe@example.vn' },
      showPhone: {
        label: 'Công khai điện thoại',
        description: 'Người bán chọn hiện số điện thoại trên sàn.',
      },
      showEmail: { label: 'Công khai email', description: 'Người bán chọn hiện email trên sàn.' },
      address: { label: 'Địa chỉ', placeholder: 'Số nhà, ấp, xã' },
      commune: 'Xã, phường',
      description: { label: 'Giới thiệu', placeholder: 'Sản phẩm, quy mô, kinh nghiệm…' },
      logo: 'Logo',
      isOcopProducer: 'Chủ thể OCOP',
      vneidVerified: {
        label: 'Đã định danh qua VNeID',
        description: 'Luật Thương mại điện tử 2025 yêu cầu định danh người bán qua VNeID.',
      },
      verificationStatus: {
        label: 'Trạng thái xác thực',
        description: 'Do quy trình xác minh đặt; khóa, mở khóa ở khung "Khóa chủ thể" bên phải.',
      },
      verifiedAt: 'Ngày xác thực',
      licences: 'Giấy phép, chứng nhận',
      productionAreas: 'Vùng sản xuất',
      owner: { label: 'Tài khoản chủ sở hữu', hidden: true },
      ...moderation,
    },
  },
  [UID.licence]: {
    mainField: 'number',
    list: ['number', 'type', 'seller', 'expiresOn', 'verificationStatus'],
    sort: { field: 'updatedAt', order: 'DESC' },
    fields: {
      type: 'Loại giấy phép',
      number: { label: 'Số hiệu', placeholder: 'Số in trên giấy' },
      numberKey: {
        label: 'Số hiệu để tra cứu',
        description: 'Do hệ thống ghi từ số hiệu: chữ thường, bỏ dấu, dấu cách và dấu gạch.',
        hidden: true,
      },
      issuer: { label: 'Cơ quan cấp', placeholder: `Sở Nông nghiệp và Môi trường ${EXCHANGE.province}` },
      issuedOn: 'Ngày cấp',
      expiresOn: {
        label: 'Ngày hết hạn',
        description: 'Ghi đúng ngày in trên giấy; để trống nếu không có thời hạn.',
      },
      ocopStars: { label: 'Hạng sao OCOP', description: 'Chỉ với chứng nhận OCOP: 3, 4 hoặc 5 sao.' },
      seller: 'Chủ thể',
      verificationStatus: 'Trạng thái xác thực',
      verifiedAt: 'Ngày xác thực',
      expiryNotice60For: {
        label: 'Đã báo trước 60 ngày (cho ngày hết hạn)',
        description: 'Do hệ thống ghi khi gửi thư báo sắp hết hạn.',
      },
      expiryNotice30For: {
        label: 'Đã báo trước 30 ngày (cho ngày hết hạn)',
        description: 'Do hệ thống ghi khi gửi thư báo sắp hết hạn.',
      },
      expiredAt: { label: 'Đánh dấu hết hạn lúc', description: 'Do hệ thống ghi khi giấy phép quá hạn.' },
      ...moderation,
    },
  },
  [UID.productionArea]: {
    mainField: 'name',
    list: ['name', 'seller', 'commune', 'reviewStatus'],
    sort: { field: 'updatedAt', order: 'DESC' },
    fields: {
      name: { label: 'Tên vùng sản xuất', placeholder: 'Vùng trồng xoài ấp Hòa Lợi' },
      slug: { label: 'Đường dẫn', description: 'Tạo từ tên.' },
      code: { label: 'Mã số vùng trồng', placeholder: 'VN-DTP-…' },
      latitude: { label: 'Vĩ độ', placeholder: '10.3600' },
      longitude: { label: 'Kinh độ', placeholder: '106.3600' },
      polygon: {
        label: 'Ranh giới',
        description: 'Danh sách các điểm [vĩ độ, kinh độ] theo thứ tự quanh vùng.',
      },
      areaHa: { label: 'Diện tích (ha)', placeholder: '12,5' },
      crops: { label: 'Cây trồng, vật nuôi', placeholder: 'Xoài cát Hòa Lộc' },
      seasons: { label: 'Mùa vụ', placeholder: 'Tháng 3 – tháng 6' },
      description: 'Mô tả',
      seller: 'Chủ thể',
      commune: 'Xã, phường',
      reviewStatus: 'Trạng thái kiểm duyệt',
      ...moderation,
    },
  },
};
