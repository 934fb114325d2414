/**
 * Vietnamese names of the codes the CMS sends. The lists live once, in @sgd/config; an unknown code
 * (added to the CMS before the site is updated) is shown as is rather than breaking the page.
 */
import {
  DELIVERY_METHODS,
  LEGAL_DOCUMENT_KINDS,
  LEGAL_FORMS,
  OCOP_STARS,
  PAYMENT_METHODS,
  licenceTypes,
} from '@sgd/config';
import type { Validity } from './schemas';

interface CodeName {
  readonly code: string;
  readonly name: string;
}

function nameOf(list: readonly CodeName[], code: string): string {
  return list.find((item) => item.code === code)?.name ?? code;
}

export function licenceTypeName(code: string): string {
  return nameOf(licenceTypes, code);
}

export function licenceTypeShortName(code: string): string {
  return licenceTypes.find((type) => type.code === code)?.shortName ?? code;
}

export function legalFormName(code: string): string {
  return nameOf(LEGAL_FORMS, code);
}

export function paymentMethodName(code: string): string {
  return nameOf(PAYMENT_METHODS, code);
}

export function deliveryMethodName(code: string): string {
  return nameOf(DELIVERY_METHODS, code);
}

export function legalDocumentKindName(code: string): string {
  return nameOf(LEGAL_DOCUMENT_KINDS, code);
}

/** What the registration number is called for each legal form. */
const REGISTRATION_NUMBER_LABELS: Record<string, string> = {
  enterprise: 'Mã số doanh nghiệp',
  cooperative: 'Mã số hợp tác xã',
  household: 'Mã số hộ kinh doanh',
  individual: 'Mã số thuế',
};

export function registrationNumberLabel(legalForm: string): string {
  return REGISTRATION_NUMBER_LABELS[legalForm] ?? 'Mã số đăng ký';
}

export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: 'Còn hiệu lực',
  expiring: 'Sắp hết hạn',
  expired: 'Hết hạn',
};

/** Options of the catalogue's filters, in the order the config gives. */
export const licenceTypeOptions: CodeName[] = licenceTypes.map((type) => ({
  code: type.code,
  name: type.shortName,
}));

export const ocopStarOptions: CodeName[] = OCOP_STARS.map((stars) => ({
  code: String(stars),
  name: `OCOP ${stars} sao`,
}));

export const legalDocumentKindOrder: readonly string[] = LEGAL_DOCUMENT_KINDS.map((kind) => kind.code);
