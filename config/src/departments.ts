export interface DepartmentData { code: string; name: string; email: string; phone: string; address: string }
export const departments: DepartmentData[] = [
  { code: 'SCT', name: 'Sở Công Thương', email: 'sct@dongthap.gov.vn', phone: '02773851234', address: 'Đồng Tháp' },
];
