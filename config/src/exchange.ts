import { administrativeUnits } from './administrative-units';
import { departments } from './departments';

/**
 * The exchange itself, as its own documents name it: the operating regulation's text is filled with
 * these (`{{ten_san}}`… in `database/seed/legal`), and the site's title reads the same name. What
 * the site, the open data and the officers' forms say of the province comes from here (and from
 * `departments`, `administrative-units`): another province changes these, not the code.
 */
export const EXCHANGE = {
  name: 'Sàn giao dịch điện tử tỉnh Đồng Tháp',
  /** Where the public reaches it. */
  webAddress: 'https://sangiaodich.dongthap.gov.vn',
  /** The province, as a department's full name ends ("Sở Công Thương tỉnh Đồng Tháp"). */
  province: 'tỉnh Đồng Tháp',
  /** The province's name alone, as an address ends ("…, Đồng Tháp"). */
  region: 'Đồng Tháp',
  /** The web domain of the province's authorities (their addresses: sct@dongthap.gov.vn). */
  domain: 'dongthap.gov.vn',
  /** The department that runs it (its contact details: `departments`). */
  managerCode: 'SCT',
} as const;

/** The department that runs the exchange, with its contact details. */
export const EXCHANGE_MANAGER =
  departments.find((department) => department.code === EXCHANGE.managerCode) ?? departments[0];

/** A commune of the province in force today, for the examples of the officers' forms. */
export const EXAMPLE_COMMUNE =
  administrativeUnits.find((unit) => unit.level === 'commune' && unit.effectiveTo === null)?.name ?? '';

/** The same place without its kind ("Mỹ Tho" of "Phường Mỹ Tho"): a market's or a fair's name. */
export const EXAMPLE_PLACE = EXAMPLE_COMMUNE.replace(/^(Xã|Phường|Đặc khu) /, '');
