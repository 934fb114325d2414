export interface AdministrativeUnitData { code: string; name: string; level: 'province' | 'commune'; kind: 'tỉnh' | 'xã' | 'phường' | 'đặc khu'; parentCode: string | null; effectiveFrom: string; effectiveTo: string | null; formerNames: string[]; latitude?: number; longitude?: number }
export const administrativeUnits: AdministrativeUnitData[] = [];
export const PROVINCE_CODE = '82';
