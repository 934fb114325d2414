/**
 * What a signed-in person manages under /tai-khoan/<loai>: their seller's products, licences and
 * production areas, their own buy/sell posts and listings (CMS `/api/accounts/mine/:type`). One
 * description per type gives the page its words, the form its fields, and a zod schema that turns the
 * posted form into the CMS's `data` (only the fields `OWNED_CONTENT` of @sgd/contracts lets a person
 * write).
 */
import { z } from 'zod';
import { latitudeCheck, licenceProblems, longitudeCheck } from '@sgd/contracts';
import { DELIVERY_METHODS, DIRECTORY_KINDS, OCOP_STARS, PAYMENT_METHODS, licenceTypes } from '@sgd/config';
import {
  OWNED_IMAGES,
  ownedReviewSchema,
  type OwnedContentType,
  type OwnedReview,
  type TaskState,
} from '@sgd/contracts';
import { callAccounts, type AccountResult, type SignedIn } from './account';

export interface Choice {
  value: string;
  label: string;
}

export type FieldKind =
  'text' | 'textarea' | 'date' | 'number' | 'email' | 'tel' | 'url' | 'select' | 'checkboxes';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  maxlength?: number;
  hint?: string;
  /**
   * Choices of a select or of checkboxes; `category` and `commune` come from the CMS, `licences` and
   * `areas` are the seller's own verified licences and approved production areas.
   */
  options?: 'category' | 'commune' | 'licences' | 'areas' | readonly Choice[];
  /** Said instead of the choices when there are none. */
  emptyHint?: string;
}

export interface OwnedKind {
  type: OwnedContentType;
  /** The URL segment: /tai-khoan/<slug>. */
  slug: string;
  /** "Sản phẩm của tôi". */
  heading: string;
  /** "sản phẩm", inside sentences. */
  noun: string;
  /** Only the owner of a verified seller manages these. */
  forSeller: boolean;
  /** The field that names an item in the list. */
  titleField: string;
  fields: FieldSpec[];
  schema: z.ZodType<Record<string, unknown>, z.ZodTypeDef, unknown>;
}

/** What a form posts: text fields, and the codes of ticked checkboxes. */
export type FormValues = Record<string, string | string[]>;

/** An item as `/api/accounts/mine/:type/:documentId` answers it. */
export type ReviewEntry = OwnedReview['history'][number];
export const ownedItemSchema = z
  .object({
    documentId: z.string(),
    slug: z.string().nullish(),
    reviewStatus: z.string().optional(),
    verificationStatus: z.string().optional(),
    updatedAt: z.string().optional(),
    review: ownedReviewSchema.nullish(),
  })
  .passthrough();
export type OwnedItem = z.infer<typeof ownedItemSchema>;

const choices = (list: readonly { code: string | number; name: string }[]): Choice[] =>
  list.map((item) => ({ value: String(item.code), label: item.name }));

const tooLong = (max: number) => `Tối đa ${max} ký tự.`;

/** A required line of text. */
const required = (message: string, max = 255) => z.string().trim().min(1, message).max(max, tooLong(max));

/** An optional line of text: empty becomes null (the CMS clears the field). */
const optional = (max?: number) =>
  (max ? z.string().trim().max(max, tooLong(max)) : z.string().trim()).transform((value) => value || null);

/** An amount of đồng: digits, with dots or spaces between thousands allowed ("125.000"). */
const money = z
  .string()
  .trim()
  .transform((value) => value.replace(/[.\s]/g, ''))
  .refine((value) => /^\d{0,15}$/.test(value), 'Nhập số tiền bằng chữ số, ví dụ 125000.')
  .transform((value) => (value ? Number(value) : null));

/** A decimal number, with a comma or a dot ("12,5"). */
const decimal = (message: string, isRequired = false) =>
  z
    .string()
    .trim()
    .transform((value) => value.replace(',', '.'))
    .refine((value) => (value === '' ? !isRequired : /^-?\d+(\.\d+)?$/.test(value)), message)
    .transform((value) => (value === '' ? null : Number(value)));

/** A check of @sgd/contracts the CMS also makes (a point inside Vietnam…), as a refinement. */
const within = (check: (value: unknown) => string | null) => (value: unknown, context: z.RefinementCtx) => {
  const problem = check(value);
  if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
};

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const date = (isRequired: boolean, missing = 'Vui lòng chọn ngày.') =>
  z
    .string()
    .trim()
    .refine((value) => (value === '' ? !isRequired : true), missing)
    .refine((value) => value === '' || isDate(value), 'Ngày không hợp lệ (năm-tháng-ngày).')
    .transform((value) => value || null);

const oneOf = (values: readonly string[], message: string, isRequired = true) =>
  z
    .string()
    .trim()
    .refine((value) => (value === '' ? !isRequired : values.includes(value)), message)
    .transform((value) => value || null);

const codes = (values: readonly string[]) =>
  z
    .array(z.string())
    .default([])
    .refine((list) => list.every((code) => values.includes(code)), 'Lựa chọn không hợp lệ.');

/** A relation set by code (category slug, commune code): the CMS checks that it exists. */
const reference = optional(100);

const PAYMENT_CHOICES = choices(PAYMENT_METHODS);
const DELIVERY_CHOICES = choices(DELIVERY_METHODS);
const LICENCE_CHOICES = licenceTypes.map((type) => ({ value: type.code, label: type.name }));
const STAR_CHOICES = OCOP_STARS.map((stars) => ({ value: String(stars), label: `${stars} sao` }));
const POST_KIND_CHOICES: Choice[] = [
  { value: 'buy', label: 'Cần mua' },
  { value: 'sell', label: 'Cần bán' },
];
const DIRECTORY_CHOICES = choices(DIRECTORY_KINDS);
const values = (list: readonly Choice[]) => list.map((choice) => choice.value);

const product: OwnedKind = {
  type: 'product',
  slug: 'san-pham',
  heading: 'Sản phẩm của tôi',
  noun: 'sản phẩm',
  forSeller: true,
  titleField: 'name',
  fields: [
    { name: 'name', label: 'Tên sản phẩm', kind: 'text', required: true, maxlength: 255 },
    { name: 'category', label: 'Danh mục', kind: 'select', options: 'category' },
    {
      name: 'unit',
      label: 'Đơn vị tính',
      kind: 'text',
      required: true,
      maxlength: 30,
      hint: 'Ví dụ: hộp, kg, chai.',
    },
    {
      name: 'price',
      label: 'Giá (đồng)',
      kind: 'number',
      hint: 'Để trống nếu giá theo khoảng hoặc liên hệ.',
    },
    { name: 'priceMin', label: 'Giá thấp nhất (đồng)', kind: 'number' },
    { name: 'priceMax', label: 'Giá cao nhất (đồng)', kind: 'number' },
    { name: 'promotion', label: 'Khuyến mãi', kind: 'text', maxlength: 255 },
    { name: 'description', label: 'Mô tả', kind: 'textarea', maxlength: 10000 },
    { name: 'ingredients', label: 'Thành phần', kind: 'textarea', maxlength: 5000 },
    { name: 'uses', label: 'Công dụng', kind: 'textarea', maxlength: 5000 },
    { name: 'specification', label: 'Quy cách đóng gói', kind: 'textarea', maxlength: 5000 },
    { name: 'paymentMethods', label: 'Phương thức thanh toán', kind: 'checkboxes', options: PAYMENT_CHOICES },
    {
      name: 'deliveryMethods',
      label: 'Phương thức giao hàng',
      kind: 'checkboxes',
      options: DELIVERY_CHOICES,
    },
    {
      name: 'licences',
      label: 'Giấy phép, chứng nhận của sản phẩm',
      kind: 'checkboxes',
      options: 'licences',
      hint: 'Hiện trên trang sản phẩm, kèm hiệu lực, sau khi sản phẩm được duyệt.',
      emptyHint:
        'Chưa có giấy phép, chứng nhận nào đã được xác thực. Khai báo tại “Giấy phép, chứng nhận của tôi” và gửi duyệt.',
    },
    {
      name: 'productionArea',
      label: 'Vùng sản xuất',
      kind: 'select',
      options: 'areas',
      hint: 'Chỉ vùng sản xuất đã được duyệt.',
    },
  ],
  schema: z.object({
    name: required('Vui lòng nhập tên sản phẩm.'),
    category: reference,
    unit: required('Vui lòng nhập đơn vị tính.', 30),
    price: money,
    priceMin: money,
    priceMax: money,
    promotion: optional(255),
    description: optional(10000),
    ingredients: optional(5000),
    uses: optional(5000),
    specification: optional(5000),
    paymentMethods: codes(values(PAYMENT_CHOICES)),
    deliveryMethods: codes(values(DELIVERY_CHOICES)),
    // Document ids of the seller's items: the CMS checks that each is theirs and verified.
    licences: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
    productionArea: reference,
  }),
};

const licence: OwnedKind = {
  type: 'licence',
  slug: 'giay-phep',
  heading: 'Giấy phép, chứng nhận của tôi',
  noun: 'giấy phép',
  forSeller: true,
  titleField: 'number',
  fields: [
    {
      name: 'type',
      label: 'Loại giấy phép, chứng nhận',
      kind: 'select',
      required: true,
      options: LICENCE_CHOICES,
    },
    { name: 'number', label: 'Số giấy phép', kind: 'text', required: true, maxlength: 100 },
    { name: 'issuer', label: 'Cơ quan cấp', kind: 'text', required: true, maxlength: 255 },
    { name: 'issuedOn', label: 'Ngày cấp', kind: 'date', required: true },
    { name: 'expiresOn', label: 'Ngày hết hạn', kind: 'date', hint: 'Bắt buộc với giấy có thời hạn.' },
    {
      name: 'ocopStars',
      label: 'Hạng sao OCOP',
      kind: 'select',
      options: STAR_CHOICES,
      hint: 'Chỉ với chứng nhận OCOP.',
    },
  ],
  schema: z
    .object({
      type: oneOf(values(LICENCE_CHOICES), 'Vui lòng chọn loại giấy phép.'),
      number: required('Vui lòng nhập số giấy phép.', 100),
      issuer: required('Vui lòng nhập cơ quan cấp.'),
      issuedOn: date(true, 'Vui lòng chọn ngày cấp.'),
      expiresOn: date(false),
      ocopStars: oneOf(values(STAR_CHOICES), 'Hạng sao từ 3 đến 5.', false).transform((value) =>
        value ? Number(value) : null,
      ),
    })
    // The CMS's rules for a licence as a whole (dates in order, an expiry where the type needs one,
    // OCOP stars on an OCOP certificate only), beside their fields before the CMS is asked.
    .superRefine((input, context) => {
      for (const problem of licenceProblems(input, licenceTypes))
        context.addIssue({ code: z.ZodIssueCode.custom, path: [problem.path], message: problem.message });
    }),
};

const productionArea: OwnedKind = {
  type: 'production-area',
  slug: 'vung-san-xuat',
  heading: 'Vùng sản xuất của tôi',
  noun: 'vùng sản xuất',
  forSeller: true,
  titleField: 'name',
  fields: [
    { name: 'name', label: 'Tên vùng sản xuất', kind: 'text', required: true, maxlength: 255 },
    { name: 'code', label: 'Mã số vùng trồng', kind: 'text', maxlength: 60, hint: 'Ví dụ: VN-DT-XOAI-01.' },
    { name: 'commune', label: 'Xã, phường', kind: 'select', options: 'commune' },
    { name: 'latitude', label: 'Vĩ độ', kind: 'number', required: true, hint: 'Ví dụ: 10,35' },
    { name: 'longitude', label: 'Kinh độ', kind: 'number', required: true, hint: 'Ví dụ: 105,75' },
    { name: 'areaHa', label: 'Diện tích (ha)', kind: 'number' },
    { name: 'crops', label: 'Cây trồng, vật nuôi', kind: 'text', maxlength: 255 },
    { name: 'seasons', label: 'Mùa vụ', kind: 'text', maxlength: 255 },
    { name: 'description', label: 'Mô tả', kind: 'textarea', maxlength: 5000 },
  ],
  schema: z.object({
    name: required('Vui lòng nhập tên vùng sản xuất.'),
    code: optional(60),
    commune: reference,
    latitude: decimal('Vui lòng nhập vĩ độ bằng số, ví dụ 10,35.', true).superRefine(within(latitudeCheck)),
    longitude: decimal('Vui lòng nhập kinh độ bằng số, ví dụ 105,75.', true).superRefine(
      within(longitudeCheck),
    ),
    areaHa: decimal('Diện tích phải là số, ví dụ 2,5.'),
    crops: optional(255),
    seasons: optional(255),
    description: optional(5000),
  }),
};

const post: OwnedKind = {
  type: 'supply-demand-post',
  slug: 'tin-cung-cau',
  heading: 'Tin cung cầu của tôi',
  noun: 'tin cung cầu',
  forSeller: false,
  titleField: 'title',
  fields: [
    { name: 'kind', label: 'Nhu cầu', kind: 'select', required: true, options: POST_KIND_CHOICES },
    { name: 'title', label: 'Tiêu đề', kind: 'text', required: true, maxlength: 255 },
    { name: 'category', label: 'Danh mục', kind: 'select', options: 'category' },
    { name: 'description', label: 'Nội dung', kind: 'textarea', maxlength: 10000 },
    { name: 'quantity', label: 'Số lượng', kind: 'number' },
    { name: 'unit', label: 'Đơn vị tính', kind: 'text', maxlength: 30 },
    { name: 'price', label: 'Giá (đồng)', kind: 'number' },
    { name: 'priceNote', label: 'Ghi chú giá', kind: 'text', maxlength: 255 },
    { name: 'region', label: 'Khu vực', kind: 'text', maxlength: 255 },
    { name: 'validUntil', label: 'Hiệu lực đến ngày', kind: 'date', required: true },
    { name: 'contactName', label: 'Người liên hệ', kind: 'text', required: true, maxlength: 150 },
    {
      name: 'contactPhone',
      label: 'Điện thoại liên hệ',
      kind: 'tel',
      maxlength: 20,
      hint: 'Cần số điện thoại hoặc email.',
    },
    { name: 'contactEmail', label: 'Email liên hệ', kind: 'email', maxlength: 255 },
  ],
  schema: z.object({
    kind: oneOf(values(POST_KIND_CHOICES), 'Vui lòng chọn cần mua hay cần bán.'),
    title: required('Vui lòng nhập tiêu đề.'),
    category: reference,
    description: optional(10000),
    quantity: decimal('Số lượng phải là số, ví dụ 2,5.'),
    unit: optional(30),
    price: money,
    priceNote: optional(255),
    region: optional(255),
    validUntil: date(true, 'Vui lòng chọn ngày hết hiệu lực của tin.'),
    contactName: required('Vui lòng nhập người liên hệ.', 150),
    contactPhone: optional(20),
    contactEmail: optional(255).refine(
      (value) => value === null || z.string().email().safeParse(value).success,
      'Email không hợp lệ.',
    ),
  }),
};

const listing: OwnedKind = {
  type: 'directory-listing',
  slug: 'thong-tin-khac',
  heading: 'Thông tin giới thiệu của tôi',
  noun: 'thông tin',
  forSeller: false,
  titleField: 'title',
  fields: [
    { name: 'kind', label: 'Loại thông tin', kind: 'select', required: true, options: DIRECTORY_CHOICES },
    { name: 'title', label: 'Tiêu đề', kind: 'text', required: true, maxlength: 255 },
    { name: 'summary', label: 'Tóm tắt', kind: 'textarea', maxlength: 2000 },
    { name: 'body', label: 'Nội dung', kind: 'textarea', maxlength: 20000 },
    { name: 'address', label: 'Địa chỉ', kind: 'text', maxlength: 500 },
    { name: 'commune', label: 'Xã, phường', kind: 'select', options: 'commune' },
    { name: 'contact', label: 'Liên hệ', kind: 'text', maxlength: 255 },
    { name: 'website', label: 'Trang web', kind: 'url', maxlength: 255 },
  ],
  schema: z.object({
    kind: oneOf(values(DIRECTORY_CHOICES), 'Vui lòng chọn loại thông tin.'),
    title: required('Vui lòng nhập tiêu đề.'),
    summary: optional(2000),
    body: optional(20000),
    address: optional(500),
    commune: reference,
    contact: optional(255),
    website: optional(255),
  }),
};

export const OWNED_KINDS: readonly OwnedKind[] = [product, licence, productionArea, post, listing];

/** The type a URL segment names; null for anything else (the page answers 404). */
export function ownedKind(slug: string | undefined): OwnedKind | null {
  return OWNED_KINDS.find((kind) => kind.slug === slug) ?? null;
}

/** The posted form as text and lists of codes, keyed by field. */
export function formValues(kind: OwnedKind, form: FormData): FormValues {
  return Object.fromEntries(
    kind.fields.map((field) =>
      field.kind === 'checkboxes'
        ? [field.name, form.getAll(field.name).map(String)]
        : [field.name, String(form.get(field.name) ?? '').trim()],
    ),
  );
}

/** An item from the CMS as form values (numbers and dates as text, relations by code). */
export function itemValues(kind: OwnedKind, item: OwnedItem): FormValues {
  return Object.fromEntries(
    kind.fields.map((field) => {
      const value = item[field.name];
      if (field.kind === 'checkboxes') return [field.name, Array.isArray(value) ? value.map(String) : []];
      return [field.name, value === null || value === undefined ? '' : String(value)];
    }),
  );
}

export type Parsed =
  { ok: true; data: Record<string, unknown> } | { ok: false; fields: Record<string, string> };

/** Validates the form; on failure, one message per field (the first problem found). */
export function parseForm(kind: OwnedKind, values: FormValues): Parsed {
  const parsed = kind.schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !fields[key]) fields[key] = issue.message;
  }
  return { ok: false, fields };
}

/** What a page says above a form whose fields were refused. */
export const FIX_FIELDS_BELOW = 'Vui lòng sửa các trường được đánh dấu bên dưới.';

/** The status an item has, in Vietnamese (drafts, review, approval, lock). */
const STATUS_LABELS: Record<string, string> = {
  draft: 'Bản nháp',
  pending: 'Chờ duyệt',
  supplement_requested: 'Cần bổ sung',
  approved: 'Đã duyệt',
  verified: 'Đã xác thực',
  rejected: 'Không được duyệt',
  locked: 'Bị khóa',
};

/** Where the review stands (the workflow's task). */
const REVIEW_LABELS: Record<TaskState, string> = {
  in_review: 'Đang xem xét',
  supplement_requested: 'Cần bổ sung',
  approved: 'Đã duyệt',
  rejected: 'Không được chấp thuận',
  cancelled: 'Đã hủy',
};

export const statusOf = (item: OwnedItem): string => item.reviewStatus ?? item.verificationStatus ?? 'draft';
export const statusLabel = (status: string): string => STATUS_LABELS[status] ?? status;
export const reviewLabel = (state: TaskState): string => REVIEW_LABELS[state];

/** Staff's reasons are worth showing while the person has something to fix. */
export const NEEDS_ATTENTION = ['rejected', 'supplement_requested'];

/** Editable unless under review or locked; submittable from a draft or after staff asked for changes. */
export const canEdit = (item: OwnedItem) => !['pending', 'locked'].includes(statusOf(item));
export const awaitsSubmission = (item: OwnedItem) =>
  ['draft', 'supplement_requested', 'rejected'].includes(statusOf(item));
/** An approved item can be sent again, with its edits. */
export const canSubmit = (item: OwnedItem) =>
  awaitsSubmission(item) || ['approved', 'verified'].includes(statusOf(item));

/** The reasons staff wrote, latest last (submissions carry no reason). */
export function reasons(item: OwnedItem): ReviewEntry[] {
  return (item.review?.history ?? []).filter(
    (entry) => entry.comment && ['reject', 'request_supplement', 'return'].includes(entry.action),
  );
}

/** The item's public page once approved; null when the site has none for this type. */
export function publicUrl(kind: OwnedKind, item: OwnedItem, sellerUrl: string | null): string | null {
  if (!['approved', 'verified'].includes(statusOf(item))) return null;
  if (kind.type === 'product' && item.slug) return `/san-pham/${item.slug}`;
  if (kind.type === 'licence' || kind.type === 'production-area') return sellerUrl;
  return null;
}

export function itemTitle(kind: OwnedKind, item: OwnedItem): string {
  const value = item[kind.titleField];
  return typeof value === 'string' && value ? value : '(chưa đặt tên)';
}

const path = (kind: OwnedKind, documentId?: string, action = '') =>
  `/mine/${kind.type}${documentId ? `/${encodeURIComponent(documentId)}` : ''}${action}`;

export const mine = {
  list: (kind: OwnedKind, token: string): Promise<AccountResult<OwnedItem[]>> =>
    callAccounts('GET', path(kind), z.array(ownedItemSchema), { token }),
  read: (kind: OwnedKind, token: string, documentId: string): Promise<AccountResult<OwnedItem>> =>
    callAccounts('GET', path(kind, documentId), ownedItemSchema, { token }),
  create: (
    kind: OwnedKind,
    token: string,
    data: Record<string, unknown>,
  ): Promise<AccountResult<OwnedItem>> =>
    callAccounts('POST', path(kind), ownedItemSchema, { token, json: { data } }),
  update: (
    kind: OwnedKind,
    token: string,
    documentId: string,
    data: Record<string, unknown>,
  ): Promise<AccountResult<OwnedItem>> =>
    callAccounts('PUT', path(kind, documentId), ownedItemSchema, { token, json: { data } }),
  submit: (kind: OwnedKind, token: string, documentId: string): Promise<AccountResult<OwnedItem>> =>
    callAccounts('POST', path(kind, documentId, '/submit'), ownedItemSchema, { token }),
  /** Sends the chosen pictures as they came (the CMS checks them and strips their EXIF/GPS). */
  addImages: (
    kind: OwnedKind,
    token: string,
    documentId: string,
    files: File[],
  ): Promise<AccountResult<OwnedItem>> => {
    const form = new FormData();
    for (const file of files) form.append('images', file, file.name);
    return callAccounts('POST', path(kind, documentId, '/images'), ownedItemSchema, { token, form });
  },
  removeImage: (
    kind: OwnedKind,
    token: string,
    documentId: string,
    fileId: string,
  ): Promise<AccountResult<OwnedItem>> =>
    callAccounts(
      'POST',
      path(kind, documentId, `/images/${encodeURIComponent(fileId)}/delete`),
      ownedItemSchema,
      {
        token,
      },
    ),
};

/** A picture of an item as the CMS lists it for its owner. */
export interface OwnedImage {
  id: number;
  name: string;
  url: string;
  thumbnailUrl: string;
}

/** The item's pictures, when its type has any (`OWNED_IMAGES`). */
export function imagesOf(kind: OwnedKind, item: OwnedItem): OwnedImage[] | null {
  const rule = OWNED_IMAGES[kind.type];
  if (!rule) return null;
  const list = item[rule.field];
  return Array.isArray(list) ? (list as OwnedImage[]) : [];
}

/** The seller's own items a product links to: verified licences and approved production areas. */
export interface LinkChoices {
  licences: Choice[];
  areas: Choice[];
}

/**
 * What the form of this kind may link to, from the seller's own lists (none for kinds without
 * links). A licence reads "<type> số <number>", with its expiry date when it has one.
 */
export async function linkChoices(kind: OwnedKind, token: string): Promise<LinkChoices> {
  const none: LinkChoices = { licences: [], areas: [] };
  if (!kind.fields.some((field) => field.options === 'licences' || field.options === 'areas')) return none;
  const [licences, areas] = await Promise.all([mine.list(licence, token), mine.list(productionArea, token)]);
  const typeName = (code: unknown) =>
    licenceTypes.find((type) => type.code === code)?.shortName ?? String(code);
  const expiry = (value: unknown) =>
    typeof value === 'string' && isDate(value) ? ` (hết hạn ${value.split('-').reverse().join('/')})` : '';
  return {
    licences: licences.ok
      ? licences.data
          .filter((item) => item.verificationStatus === 'verified')
          .map((item) => ({
            value: item.documentId,
            label: `${typeName(item.type)} số ${String(item.number)}${expiry(item.expiresOn)}`,
          }))
      : [],
    areas: areas.ok
      ? areas.data
          .filter((item) => item.reviewStatus === 'approved')
          .map((item) => ({ value: item.documentId, label: String(item.name) }))
      : [],
  };
}

/** How many pictures an item of this kind may have (0: none). */
export const maxImages = (kind: OwnedKind): number => OWNED_IMAGES[kind.type]?.max ?? 0;

/** My business as `/api/accounts/business` answers it (null: none declared yet). */
export const businessSummarySchema = z
  .object({
    seller: z.object({ name: z.string() }).passthrough(),
    review: z.object({ state: z.string() }).passthrough().nullable(),
    publicUrl: z.string().nullable(),
  })
  .passthrough()
  .nullable();

/**
 * The person's seller: products, licences and production areas are managed once the Sở Công Thương
 * has verified it; `publicUrl` is its public page then.
 */
export async function verifiedSeller(token: string): Promise<{ name: string; publicUrl: string } | null> {
  const res = await callAccounts('GET', '/business', businessSummarySchema, { token });
  return res.ok && res.data?.publicUrl ? { name: res.data.seller.name, publicUrl: res.data.publicUrl } : null;
}

export type OwnedAccess =
  | { state: 'sign-in'; location: string }
  | { state: 'unknown-type' }
  | { state: 'not-a-seller'; spec: OwnedKind }
  | { state: 'ok'; spec: OwnedKind; token: string; sellerUrl: string | null };

/**
 * Who may open /tai-khoan/<loai>/…: a signed-in person (otherwise, sign in and come back), for a type
 * that exists, and for seller types only the owner of a verified seller.
 */
export async function ownedAccess(
  session: SignedIn | null,
  url: URL,
  typeSlug: string | undefined,
): Promise<OwnedAccess> {
  if (!session) return { state: 'sign-in', location: `/tai-khoan/dang-nhap?tiep=${url.pathname}` };
  const spec = ownedKind(typeSlug);
  if (!spec) return { state: 'unknown-type' };
  if (!spec.forSeller) return { state: 'ok', spec, token: session.token, sellerUrl: null };
  const seller = await verifiedSeller(session.token);
  return seller
    ? { state: 'ok', spec, token: session.token, sellerUrl: seller.publicUrl }
    : { state: 'not-a-seller', spec };
}
