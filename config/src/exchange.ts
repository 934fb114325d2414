/**
 * The exchange itself, as its own documents name it: the operating regulation's text is filled with
 * these (`{{ten_san}}`… in `database/seed/legal`), and the site's title reads the same name.
 */
export const EXCHANGE = {
  name: 'Sàn giao dịch điện tử tỉnh Đồng Tháp',
  /** Where the public reaches it. */
  webAddress: 'https://sangiaodich.dongthap.gov.vn',
  /** The province, as a department's full name ends ("Sở Công Thương tỉnh Đồng Tháp"). */
  province: 'tỉnh Đồng Tháp',
  /** The department that runs it (its contact details: `departments`). */
  managerCode: 'SCT',
} as const;
