import { EXCHANGE, EXCHANGE_MANAGER } from '@sgd/config';

/** What the demo documents' `{{…}}` placeholders stand for: the exchange as configured. */
export function exchangePlaceholders(): Record<string, string> {
  const manager = EXCHANGE_MANAGER;
  if (manager.code !== EXCHANGE.managerCode)
    throw new Error(`Thiếu sở quản lý Sàn (${EXCHANGE.managerCode}) trong @sgd/config`);
  return {
    ten_san: EXCHANGE.name,
    tinh: EXCHANGE.province,
    dia_chi_truy_cap: EXCHANGE.webAddress,
    co_quan_quan_ly: `${manager.name} ${EXCHANGE.province}`,
    dia_chi: manager.address,
    dien_thoai: manager.phone,
    email: manager.email,
  };
}

/** Fills `{{name}}` placeholders; one without a value is an error, never left in a published text. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_whole, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`Văn bản mẫu có chỗ trống không rõ: {{${name}}}`);
    return values[name];
  });
}
