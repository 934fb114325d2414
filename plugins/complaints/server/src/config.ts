import { z } from 'zod';

/** Plugin configuration (environment variables; overridable in cms/config/plugins.ts). */
export const complaintsConfig = z.object({
  sellerDays: z
    .number({ invalid_type_error: 'COMPLAINT_SELLER_DAYS phải là số ngày làm việc nguyên, từ 1 đến 30.' })
    .int('COMPLAINT_SELLER_DAYS phải là số ngày làm việc nguyên, từ 1 đến 30.')
    .min(1, 'COMPLAINT_SELLER_DAYS phải là số ngày làm việc nguyên, từ 1 đến 30.')
    .max(30, 'COMPLAINT_SELLER_DAYS phải là số ngày làm việc nguyên, từ 1 đến 30.'),
  consumerAssociationEmail: z
    .string()
    .trim()
    .email('CONSUMER_ASSOCIATION_EMAIL phải là một địa chỉ email.')
    .or(z.literal('')),
});
export type ComplaintsConfig = z.infer<typeof complaintsConfig>;

export default {
  default: ({ env }: { env: (name: string, fallback?: string) => string }) => ({
    // Working days the seller has to settle a complaint before it goes to the board by itself.
    sellerDays: Number(env('COMPLAINT_SELLER_DAYS', '3')),
    // Where an officer forwards a complaint beyond the board's powers (QC Điều 19.8, 24); empty: refused.
    consumerAssociationEmail: env('CONSUMER_ASSOCIATION_EMAIL', ''),
  }),
  validator(config: unknown) {
    const result = complaintsConfig.safeParse(config);
    if (!result.success) throw new Error(result.error.issues.map((i) => i.message).join(' '));
  },
};
