import fs from 'node:fs';
import path from 'node:path';
import { EXCHANGE, EXCHANGE_MANAGER } from '@sgd/config';
import { exchangePlaceholders, fillPlaceholders } from '../placeholders';

const LEGAL = path.resolve(__dirname, '..', '..', '..', '..', 'database', 'seed', 'legal');

describe('placeholders of the demo documents', () => {
  it('fills each placeholder, spaces inside the braces allowed', () => {
    expect(fillPlaceholders('Sàn: {{ten_san}}; {{ email }}.', { ten_san: 'Sàn A', email: 'a@b.vn' })).toBe(
      'Sàn: Sàn A; a@b.vn.',
    );
  });

  it('refuses a placeholder it has no value for', () => {
    expect(() => fillPlaceholders('{{ten_tinh}}', { ten_san: 'Sàn A' })).toThrow(
      'Văn bản mẫu có chỗ trống không rõ: {{ten_tinh}}',
    );
  });

  it('names the exchange of the 2025 regulation as configured, and the 2023 text as it was issued', () => {
    const filled = fillPlaceholders(
      fs.readFileSync(path.join(LEGAL, 'quy-che-van-hanh-2025.md'), 'utf8'),
      exchangePlaceholders(),
    );
    expect(filled).toContain(`Quy chế này quy định về việc quản lý và vận hành ${EXCHANGE.name}.`);
    expect(filled).toContain(`Địa chỉ truy cập ${EXCHANGE.name} là: ${EXCHANGE.webAddress}`);
    expect(filled).toContain('Sở Công Thương tỉnh Đồng Tháp');
    expect(filled).not.toMatch(
      /Sàn giao dịch điện tử Tiền Giang|tiengiang\.gov\.vn|Sở Công Thương (tỉnh )?Tiền Giang/,
    );
    expect(fs.readFileSync(path.join(LEGAL, 'quy-che-van-hanh.md'), 'utf8')).toContain(
      'Sàn giao dịch điện tử Tiền Giang',
    );
  });

  it.each(['chinh-sach-bao-mat.md', 'quy-trinh-khieu-nai.md'])(
    '%s gives the contacts of the department running the exchange as configured (as the site footer does)',
    (file) => {
      const filled = fillPlaceholders(
        fs.readFileSync(path.join(LEGAL, file), 'utf8'),
        exchangePlaceholders(),
      );
      expect(filled).toContain(
        `Ban quản lý ${EXCHANGE.name} – ${EXCHANGE_MANAGER.name} ${EXCHANGE.province}`,
      );
      expect(filled).toContain(`Địa chỉ: ${EXCHANGE_MANAGER.address}\n`);
      expect(filled).toContain(`Điện thoại: ${EXCHANGE_MANAGER.phone}\n`);
      expect(filled).toContain(`Email: ${EXCHANGE_MANAGER.email}`);
    },
  );
});
