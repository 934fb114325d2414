import { EXCHANGE } from '@sgd/config';
import type { AdminViews } from '@sgd/plugin-core';

/** How news and legal documents read for the officers who write them. */
export const editorialViews: AdminViews = {
  'api::news-article.news-article': {
    mainField: 'title',
    list: ['title', 'publishedOn', 'department'],
    sort: { field: 'updatedAt', order: 'DESC' },
    fields: {
      title: { label: 'Tiêu đề', placeholder: `Hội chợ OCOP ${EXCHANGE.region} năm 2026` },
      slug: { label: 'Đường dẫn', description: 'Tạo từ tiêu đề; là địa chỉ bài trên sàn.' },
      summary: { label: 'Tóm tắt', description: 'Hiện trong danh sách tin, tối đa 500 ký tự.' },
      body: {
        label: 'Nội dung',
        description: 'Viết bằng Markdown: # tiêu đề, **đậm**, danh sách với dấu -.',
      },
      cover: 'Ảnh bìa',
      publishedOn: { label: 'Ngày đăng', description: 'Ngày in trên bài; để trống thì lấy ngày xuất bản.' },
      department: 'Sở, ngành đưa tin',
      reviewStatus: {
        label: 'Trạng thái duyệt',
        description:
          'Do quy trình duyệt tin bài đặt: gửi duyệt từ khung bên phải; được duyệt thì tin được đăng.',
      },
    },
  },
  'api::legal-document.legal-document': {
    mainField: 'title',
    list: ['title', 'kind', 'version', 'effectiveFrom'],
    sort: { field: 'effectiveFrom', order: 'DESC' },
    fields: {
      title: { label: 'Tên văn bản', placeholder: `Quy chế hoạt động ${EXCHANGE.name}` },
      slug: { label: 'Đường dẫn', description: 'Tạo từ tên; là địa chỉ trang văn bản trên sàn.' },
      kind: 'Loại văn bản',
      series: {
        label: 'Bộ văn bản',
        description: 'Các phiên bản của cùng một văn bản dùng chung mã này (vd: quy-che-hoat-dong).',
        placeholder: 'quy-che-hoat-dong',
      },
      version: { label: 'Phiên bản', placeholder: '2.0' },
      number: { label: 'Số hiệu', placeholder: '123/QĐ-SCT' },
      issuer: { label: 'Cơ quan ban hành', placeholder: `Sở Công Thương ${EXCHANGE.province}` },
      issuedOn: 'Ngày ban hành',
      effectiveFrom: {
        label: 'Ngày có hiệu lực',
        description:
          'Quy chế hoạt động: ít nhất 5 ngày sau ngày xuất bản (Nghị định 52/2013, sửa đổi), để người bán kịp biết.',
      },
      summary: {
        label: 'Tóm tắt',
        description:
          'Với phiên bản mới của quy chế: nêu những thay đổi; được gửi kèm thư thông báo cho người bán khi xuất bản.',
      },
      body: {
        label: 'Nội dung',
        description: 'Markdown: # Chương, ## Điều; mục lục được tạo từ các tiêu đề.',
      },
      outline: { label: 'Mục lục', description: 'Tạo tự động từ nội dung.' },
      attachment: 'Tệp đính kèm',
      department: 'Sở, ngành ban hành',
      reviewStatus: {
        label: 'Trạng thái duyệt',
        description:
          'Do quy trình duyệt văn bản đặt: gửi duyệt từ khung bên phải; được duyệt thì văn bản được đăng.',
      },
    },
  },
};
