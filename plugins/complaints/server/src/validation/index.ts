import { complaintFields, complaintMessageField, reportFields, requiredText } from '@sgd/contracts';
import { pageFields } from '@sgd/plugin-core';
import {
  COMPLAINT_ACTION_CODES,
  COMPLAINT_LIMITS,
  COMPLAINT_REMEDY_CODES,
  COMPLAINT_STATUS_CODES,
  REPORT_LIMITS,
  REPORT_REASON_CODES,
  REPORT_TARGET_TYPE_CODES,
  type ComplaintRemedyCode,
  type ComplaintStatusCode,
  type ReportReasonCode,
  type ReportTargetTypeCode,
} from '@sgd/config';
import { z } from 'zod';

const oneOf = <T extends string>(codes: readonly T[], message: string) =>
  z.enum(codes as unknown as [T, ...T[]], { errorMap: () => ({ message }) });

export const newComplaint = z
  .object({
    order: z
      .string({ required_error: 'Hãy chọn đơn hàng.', invalid_type_error: 'Hãy chọn đơn hàng.' })
      .trim()
      .min(1, 'Hãy chọn đơn hàng.')
      .max(20, 'Mã đơn hàng không đúng.'),
    ...complaintFields<ComplaintRemedyCode>({
      subjectMax: COMPLAINT_LIMITS.subject,
      descriptionMax: COMPLAINT_LIMITS.description,
      remedies: COMPLAINT_REMEDY_CODES,
    }),
  })
  .strict('Khiếu nại chỉ gồm đơn hàng, tiêu đề, nội dung và đề nghị.');
export type NewComplaint = z.infer<typeof newComplaint>;

export const complaintAction = z
  .object({
    action: oneOf<string>(COMPLAINT_ACTION_CODES, 'Thao tác không hợp lệ.'),
    message: complaintMessageField(COMPLAINT_LIMITS.message),
  })
  .strict('Chỉ gửi thao tác và nội dung.');
export type ComplaintActionInput = z.infer<typeof complaintAction>;

export const forwardInput = z
  .object({ message: requiredText('Nội dung chuyển Hội', 10, COMPLAINT_LIMITS.message) })
  .strict('Chỉ gửi nội dung chuyển Hội.');

export const listQuery = z
  .object({
    ...pageFields,
    status: oneOf<ComplaintStatusCode>(COMPLAINT_STATUS_CODES, 'Trạng thái không hợp lệ.').optional(),
  })
  .strict('Tham số không được phép.');
export type ListQuery = z.infer<typeof listQuery>;

export const newReport = z
  .object({
    targetType: oneOf<ReportTargetTypeCode>(REPORT_TARGET_TYPE_CODES, 'Hãy chọn loại nội dung cần phản ánh.'),
    target: z
      .string({
        required_error: 'Hãy cho biết nội dung cần phản ánh.',
        invalid_type_error: 'Hãy cho biết nội dung cần phản ánh.',
      })
      .trim()
      .min(1, 'Hãy cho biết nội dung cần phản ánh.')
      .max(150, 'Mã nội dung không đúng.'),
    ...reportFields<ReportReasonCode>({
      reasons: REPORT_REASON_CODES,
      detailsMin: REPORT_LIMITS.detailsMin,
      detailsMax: REPORT_LIMITS.details,
      nameMax: REPORT_LIMITS.name,
    }),
  })
  .strict('Phản ánh chỉ gồm loại nội dung, nội dung, lý do, chi tiết, họ tên và email.');
export type NewReport = z.infer<typeof newReport>;
