import type { Core } from '@strapi/strapi';
import { EXCHANGE } from '@sgd/config';
import { contentManagerConfiguration } from './admin-views';
import { toValidationError, type FieldProblem } from './document-rules';

type Data = Record<string, unknown>;
interface Attribute {
  type?: string;
  pluginOptions?: { core?: { link?: boolean } };
}
/** A refusal, given the field's label. */
export type TextProblem = (label: string) => string;

/** The start of an HTML tag, end tag, comment or declaration: `<` right before a letter, `/`, `!`, `?`. */
const MARKUP = /<\/?[a-zA-Z!?]/;
/** Markdown's autolinks (`<https://…>`, `<mailto:…>`): not HTML. */
const AUTOLINK = /<(?:https?:\/\/|mailto:)[^\s<>]+>/gi;
/** Schemes that run code, anywhere; documents and local files where a link would start. */
const DANGEROUS_SCHEME =
  /(?:^|[^a-z0-9+.-])(javascript|vbscript|livescript)\s*:|(?:^|\s)(data)\s*:\s*[a-z]+\/[a-z0-9.+-]+|(?:^|\s)(file)\s*:\s*\//i;
/** Link targets of Markdown: inline links and images `[text](target)`, reference definitions `[x]: target`. */
const MARKDOWN_LINKS = [/\]\(\s*<?([^)\s>]+)/g, /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)/gm];
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const WEB_ADDRESS = /^https?:\/\/[^\s/$.?#"'<>][^\s"'<>]*$/i;

/** Control and invisible characters a browser skips inside a scheme (`java\tscript:`). */
const withoutInvisible = (text: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  text.replace(/[\u0000-\u001f\u007f\u00ad\u200b-\u200f\u2060\ufeff]/g, '');

/**
 * Whether a Markdown link target is the web, mail, a phone or a place on the exchange: a scheme among
 * http(s), mailto, tel, or none (`/van-ban/…`, `#dieu-5`); never `//other.host`, and never an
 * entity that a renderer would turn into a `:`.
 */
function isSafeTarget(raw: string): boolean {
  const target = withoutInvisible(raw).replace(/\\/g, '/');
  if (/&(?:#|colon)/i.test(target) || target.startsWith('//')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target);
  return !scheme || LINK_SCHEMES.has(scheme[1].toLowerCase());
}

const markup: TextProblem = (label) =>
  `Trường "${label}" không được chứa mã HTML (dấu "<" liền trước chữ cái, như <img> hay <script>): hãy nhập văn bản thường.`;
const scheme =
  (name: string): TextProblem =>
  (label) =>
    `Trường "${label}" không được chứa liên kết "${name.toLowerCase()}:": chỉ nhận địa chỉ web bắt đầu bằng http:// hoặc https://.`;
const notWebAddress: TextProblem = (label) =>
  `Trường "${label}" phải là địa chỉ web bắt đầu bằng http:// hoặc https:// (ví dụ https://${EXCHANGE.domain}).`;
const markdownLink =
  (target: string): TextProblem =>
  (label) =>
    `Trường "${label}" có liên kết không được phép (${target.slice(0, 40)}): chỉ nhận liên kết http://, https://, mailto:, tel: hoặc đường dẫn trong Sàn.`;

/**
 * What is wrong with one field's value, if anything: plain text (`string`, `text`, `email`) holds no
 * markup and no `javascript:`-like link; a field its schema marks as a link
 * (`pluginOptions: { core: { link: true } }`) is an http(s) address; Markdown (`richtext`) holds no
 * raw HTML and links only to the web, mail, phones or the exchange's own pages.
 */
export function textProblem(attribute: Attribute, value: unknown): TextProblem | null {
  if (typeof value !== 'string' || value === '') return null;
  const visible = withoutInvisible(value);
  const plain = ['string', 'text', 'email'].includes(attribute.type ?? '');
  if (!plain && attribute.type !== 'richtext') return null;
  if (MARKUP.test(plain ? value : value.replace(AUTOLINK, ''))) return markup;
  if (plain && attribute.pluginOptions?.core?.link && !WEB_ADDRESS.test(visible.trim())) return notWebAddress;
  if (!plain) {
    for (const pattern of MARKDOWN_LINKS) {
      for (const [, target] of visible.matchAll(pattern))
        if (!isSafeTarget(target)) return markdownLink(target);
    }
  }
  const dangerous = DANGEROUS_SCHEME.exec(visible);
  return dangerous ? scheme(dangerous[1] ?? dangerous[2] ?? dangerous[3]) : null;
}

const WRITE_ACTIONS = new Set(['create', 'update']);

/**
 * The rule every content type gets, whichever plugin adds it, now or later (issue 19.7): text that a
 * public API, the open data or another system may show is stored only when it is safe to show as it
 * is. Checked on every create and update through the Document Service (REST, the admin, the
 * exchange's own routes, seeding); a refusal names the field by its label in the content manager.
 */
export function registerTextRules(strapi: Core.Strapi): void {
  const labelOf = async (uid: string, field: string): Promise<string> => {
    const { metadatas } = await contentManagerConfiguration(strapi, uid);
    return metadatas?.[field]?.edit?.label || field;
  };
  strapi.documents.use(async (ctx, next) => {
    if (!WRITE_ACTIONS.has(ctx.action)) return next();
    const data = (ctx.params as { data?: Data }).data;
    if (!data || typeof data !== 'object') return next();
    const attributes = strapi.getModel(ctx.uid).attributes as Record<string, Attribute>;
    const problems: FieldProblem[] = [];
    for (const [field, value] of Object.entries(data)) {
      const problem = Object.hasOwn(attributes, field) ? textProblem(attributes[field], value) : null;
      if (problem) problems.push({ path: field, message: problem(await labelOf(ctx.uid, field)) });
    }
    if (problems.length > 0) throw toValidationError(problems);
    return next();
  });
}
