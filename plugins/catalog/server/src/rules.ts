import { DELIVERY_METHOD_CODES, PAYMENT_METHOD_CODES } from '@sgd/config';
import { isEmail, isPhone, latitudeCheck, longitudeCheck, type Check } from '@sgd/contracts';
import type { DocumentRule, FieldProblem } from '@sgd/plugin-core';
import { UID } from './constants';

const nonNegative =
  (label: string): Check =>
  (value) => {
    if (value === null || value === undefined || value === '') return null;
    const n = Number(value);
    return Number.isFinite(n) && n >= 0 ? null : `${label} phải là số không âm.`;
  };

const subsetOf =
  (allowed: readonly string[], label: string): Check =>
  (value) => {
    if (value === null || value === undefined) return null;
    if (!Array.isArray(value) || value.some((v) => !allowed.includes(String(v)))) {
      return `${label} chỉ được chọn trong: ${allowed.join(', ')}.`;
    }
    return null;
  };

function priceProblems(data: Record<string, unknown>): FieldProblem[] {
  const min = data.priceMin;
  const max = data.priceMax;
  if (min !== null && min !== undefined && max !== null && max !== undefined && Number(min) > Number(max)) {
    return [{ path: 'priceMax', message: 'Giá cao nhất phải lớn hơn hoặc bằng giá thấp nhất.' }];
  }
  return [];
}

export const rules: DocumentRule[] = [
  { uid: UID.category, slugFrom: 'name' },
  {
    uid: UID.product,
    slugFrom: 'name',
    fields: {
      price: nonNegative('Giá'),
      priceMin: nonNegative('Giá thấp nhất'),
      priceMax: nonNegative('Giá cao nhất'),
      paymentMethods: subsetOf(PAYMENT_METHOD_CODES, 'Phương thức thanh toán'),
      deliveryMethods: subsetOf(DELIVERY_METHOD_CODES, 'Phương thức giao hàng'),
    },
    across: priceProblems,
  },
  {
    uid: UID.market,
    slugFrom: 'name',
    fields: { latitude: latitudeCheck, longitude: longitudeCheck, phone: isPhone },
  },
  {
    uid: UID.supplyDemandPost,
    slugFrom: 'title',
    fields: {
      contactPhone: isPhone,
      contactEmail: isEmail,
      quantity: nonNegative('Số lượng'),
      price: nonNegative('Giá'),
    },
    across: (data) =>
      data.contactPhone || data.contactEmail
        ? []
        : [{ path: 'contactPhone', message: 'Cần số điện thoại hoặc email để liên hệ.' }],
  },
  { uid: UID.directoryListing, slugFrom: 'title' },
];
