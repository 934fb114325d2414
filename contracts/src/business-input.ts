import { z } from 'zod';
import { optionalText, requiredText } from './text';
import { datesInOrder, isCitizenId, isEmail, isEnterpriseCode, isPhone, type Check } from './validators';

/** A problem of one field of a record, in Vietnamese. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** What a licence type says about its licences (`licenceTypes` of @sgd/config). */
export interface LicenceTypeRule {
  code: string;
  name: string;
  hasStars: boolean;
  requiresExpiry: boolean;
}

/** The legal forms and licence types a declaration chooses from (data of @sgd/config). */
export interface BusinessRules {
  legalForms: readonly string[];
  licenceTypes: readonly LicenceTypeRule[];
}

/** The one message about an OCOP certificate's stars, whichever check finds them wrong. */
const OCOP_STARS = 'Chứng nhận OCOP phải có hạng sao từ 3 đến 5.';

const filled = (value: unknown) => value !== null && value !== undefined && String(value).trim() !== '';

/** The identifiers of a seller, each checked on its own (empty passes). */
export const SELLER_FIELD_CHECKS: Record<string, Check> = {
  enterpriseCode: isEnterpriseCode,
  citizenId: isCitizenId,
  phone: isPhone,
  email: isEmail,
};

/**
 * What a seller's record must hold as a whole (QC Điều 7): an enterprise code or a citizen ID; an
 * enterprise code for enterprises and cooperatives; a phone or an email to be reached.
 */
export function sellerProblems(data: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!filled(data.enterpriseCode) && !filled(data.citizenId))
    problems.push({
      path: 'enterpriseCode',
      message: 'Cần khai báo mã số doanh nghiệp/mã số thuế hoặc số căn cước công dân.',
    });
  if ((data.legalForm === 'enterprise' || data.legalForm === 'cooperative') && !filled(data.enterpriseCode))
    problems.push({
      path: 'enterpriseCode',
      message: 'Doanh nghiệp và hợp tác xã phải khai báo mã số doanh nghiệp.',
    });
  if (!filled(data.phone) && !filled(data.email))
    problems.push({ path: 'phone', message: 'Cần ít nhất một số điện thoại hoặc email liên hệ.' });
  return problems;
}

/**
 * What a licence must hold as a whole: its expiry after its issue, an expiry where its type requires
 * one, OCOP stars (3–5) on an OCOP certificate and on nothing else.
 */
export function licenceProblems(
  data: Record<string, unknown>,
  types: readonly LicenceTypeRule[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const type = types.find((t) => t.code === data.type);
  const order = datesInOrder(data.issuedOn, data.expiresOn, 'Ngày hết hạn phải sau ngày cấp.');
  if (order) problems.push({ path: 'expiresOn', message: order });
  if (type?.requiresExpiry && !filled(data.expiresOn))
    problems.push({ path: 'expiresOn', message: `${type.name} phải có ngày hết hạn.` });
  if (type?.hasStars) {
    const stars = Number(data.ocopStars);
    if (!Number.isInteger(stars) || stars < 3 || stars > 5)
      problems.push({ path: 'ocopStars', message: OCOP_STARS });
  } else if (filled(data.ocopStars)) {
    problems.push({ path: 'ocopStars', message: 'Chỉ chứng nhận OCOP mới có hạng sao.' });
  }
  return problems;
}

const isoDate = (label: string) =>
  z
    .string({ invalid_type_error: `${label}: dùng dạng YYYY-MM-DD.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: dùng dạng YYYY-MM-DD.`);

/**
 * The fields of a business declaration (QC Điều 7, 12) as a person types them: one set of lengths
 * and messages for the CMS (`POST /api/accounts/business`, which adds `.strict()`) and the site's form.
 */
export function businessFields(rules: BusinessRules) {
  return {
    legalForm: z.enum(rules.legalForms as unknown as [string, ...string[]], {
      errorMap: () => ({ message: 'Hãy chọn loại hình (doanh nghiệp, hợp tác xã, hộ kinh doanh, cá nhân).' }),
    }),
    name: requiredText('Tên doanh nghiệp, cơ sở', 1, 255),
    enterpriseCode: optionalText('Mã số doanh nghiệp', 14),
    registrationDate: isoDate('Ngày đăng ký').nullish(),
    registrationIssuer: optionalText('Nơi cấp đăng ký', 255),
    citizenId: optionalText('Số CCCD', 12),
    representative: requiredText('Người đại diện', 1, 255),
    phone: optionalText('Số điện thoại', 20),
    email: optionalText('Email', 254),
    showPhone: z.boolean().optional(),
    showEmail: z.boolean().optional(),
    address: requiredText('Địa chỉ', 1, 500),
    commune: optionalText('Xã, phường', 10),
    description: optionalText('Giới thiệu', 5000),
    isOcopProducer: z.boolean().optional(),
  };
}

/** The fields of a licence declared with a business or added later. */
export function licenceFields(rules: BusinessRules) {
  return {
    type: z.enum(rules.licenceTypes.map((t) => t.code) as [string, ...string[]], {
      errorMap: () => ({ message: 'Hãy chọn loại giấy phép, chứng nhận.' }),
    }),
    number: requiredText('Số giấy phép', 1, 100),
    issuer: requiredText('Cơ quan cấp', 1, 255),
    issuedOn: isoDate('Ngày cấp'),
    expiresOn: isoDate('Ngày hết hạn').nullish(),
    ocopStars: z
      .number({ invalid_type_error: OCOP_STARS })
      .int(OCOP_STARS)
      .min(3, OCOP_STARS)
      .max(5, OCOP_STARS)
      .nullish(),
  };
}

/**
 * A whole declaration as the site checks it before the CMS is asked: every field, each identifier's
 * format (`SELLER_FIELD_CHECKS`) and the record's rules (`sellerProblems`, `licenceProblems`), with
 * each problem on its field (`licences.0.number` for the first licence). The CMS checks the same
 * when it writes the seller and its licences.
 */
export function declarationSchema(rules: BusinessRules) {
  return z
    .object({
      business: z.object(businessFields(rules)),
      licences: z
        .array(z.object(licenceFields(rules)))
        .max(20, 'Tối đa 20 giấy phép mỗi lần.')
        .default([]),
    })
    .superRefine((input, context) => {
      const add = (path: (string | number)[], message: string) =>
        context.addIssue({ code: z.ZodIssueCode.custom, path, message });
      for (const [field, check] of Object.entries(SELLER_FIELD_CHECKS)) {
        const problem = check((input.business as Record<string, unknown>)[field]);
        if (problem) add(['business', field], problem);
      }
      for (const problem of sellerProblems(input.business)) add(['business', problem.path], problem.message);
      input.licences.forEach((licence, index) => {
        for (const problem of licenceProblems(licence, rules.licenceTypes))
          add(['licences', index, problem.path], problem.message);
      });
    });
}
