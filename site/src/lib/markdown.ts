/**
 * A small Markdown renderer for the CMS's legal documents and news: headings (with stable anchors),
 * paragraphs, ordered and unordered lists, block quotes, rules, bold, italic, inline code and links.
 * All text is HTML-escaped first, so the output never carries HTML from the source; links keep only
 * http(s), mailto, tel, site-relative and fragment URLs.
 */

export interface HeadingAnchor {
  level: number;
  title: string;
  anchor: string;
}

export interface MarkdownOptions {
  /**
   * Anchors to give the headings, in document order (a legal document's `outline`); a heading matches
   * the next unused entry with the same title and level. Headings without an entry get one derived
   * from their text the way the CMS derives the outline ("dieu-7", "chuong-ii", slug).
   */
  anchors?: readonly HeadingAnchor[];
  /** Added to heading levels: 1 renders `#` as `<h2>`, leaving `<h1>` to the page title. */
  headingOffset?: number;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

/** "Bánh pía Sóc Trăng" → "banh-pia-soc-trang" (đ folded by hand: NFD leaves it alone). */
export function slugify(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

/** The anchor the CMS gives a heading in a legal document's outline. */
export function anchorOf(title: string): string {
  const article = /^Điều\s+(\d+)/i.exec(title);
  if (article) return `dieu-${article[1]}`;
  const chapter = /^Chương\s+([IVXLC]+)/i.exec(title);
  if (chapter) return `chuong-${chapter[1].toLowerCase()}`;
  return slugify(title) || 'muc';
}

const SAFE_URL = /^(https?:\/\/|mailto:|tel:|#|\/(?!\/))/i;

/** Marks placeholders of already-rendered pieces: a private-use character, stripped from the source. */
const HOLE = '\uE000';

function renderInline(source: string): string {
  const pieces: string[] = [];
  const hold = (html: string) => `${HOLE}${pieces.push(html) - 1}${HOLE}`;

  let html = source.replace(/`([^`]+)`/g, (_, code: string) => hold(`<code>${escapeHtml(code)}</code>`));
  // A URL may hold one level of balanced parentheses, as Wikipedia links do.
  html = html.replace(/\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g, (_, label: string, url: string) => {
    const inner = emphasis(escapeHtml(label));
    return SAFE_URL.test(url) ? hold(`<a href="${escapeHtml(url)}">${inner}</a>`) : hold(inner);
  });
  html = emphasis(escapeHtml(html));
  return html.replace(
    new RegExp(`${HOLE}(\\d+)${HOLE}`, 'g'),
    (_, index: string) => pieces[Number(index)] ?? '',
  );
}

/** Bold and italic on already escaped text. Underscores inside words (snake_case) stay literal. */
function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)(.+?)(?<=\S)__(?!\w)/g, '$1<strong>$2</strong>')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '<em>$1</em>')
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1<em>$2</em>');
}

type ListKind = 'ul' | 'ol';

interface OpenList {
  kind: ListKind;
  start: number;
  items: string[];
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const UNORDERED_ITEM = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED_ITEM = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

export function renderMarkdown(markdown: string | null | undefined, options: MarkdownOptions = {}): string {
  if (!markdown) return '';
  const lines = markdown
    .replace(/\uE000/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const offset = options.headingOffset ?? 1;
  const unusedAnchors = [...(options.anchors ?? [])];
  const usedIds = new Set<string>();
  const out: string[] = [];

  let paragraph: string[] = [];
  let quote: string[] = [];
  let list: OpenList | null = null;

  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${renderInline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const flushQuote = () => {
    if (quote.length > 0) out.push(`<blockquote><p>${renderInline(quote.join(' '))}</p></blockquote>`);
    quote = [];
  };
  const flushList = () => {
    if (list) {
      const items = list.items.map((item) => `<li>${renderInline(item)}</li>`).join('');
      const start = list.kind === 'ol' && list.start !== 1 ? ` start="${list.start}"` : '';
      out.push(`<${list.kind}${start}>${items}</${list.kind}>`);
    }
    list = null;
  };
  const flushAll = () => {
    flushParagraph();
    flushQuote();
    flushList();
  };

  const headingId = (level: number, title: string): string => {
    const index = unusedAnchors.findIndex((entry) => entry.level === level && entry.title.trim() === title);
    const base = index === -1 ? anchorOf(title) : (unusedAnchors.splice(index, 1)[0] as HeadingAnchor).anchor;
    let id = base;
    for (let n = 2; usedIds.has(id); n += 1) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };

  const startItem = (kind: ListKind, text: string, start = 1) => {
    flushParagraph();
    flushQuote();
    if (list && list.kind !== kind) flushList();
    if (!list) list = { kind, start, items: [] };
    list.items.push(text);
  };

  for (const line of lines) {
    if (line.trim() === '') {
      // A blank line ends a paragraph; a list goes on if the next item is of the same kind.
      flushParagraph();
      flushQuote();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushAll();
      const level = (heading[1] as string).length;
      const title = (heading[2] as string).trim();
      const tag = `h${Math.min(6, level + offset)}`;
      out.push(`<${tag} id="${escapeHtml(headingId(level, title))}">${renderInline(title)}</${tag}>`);
      continue;
    }
    if (RULE.test(line)) {
      flushAll();
      out.push('<hr>');
      continue;
    }
    const unordered = UNORDERED_ITEM.exec(line);
    if (unordered) {
      startItem('ul', unordered[1] as string);
      continue;
    }
    const ordered = ORDERED_ITEM.exec(line);
    if (ordered) {
      startItem('ol', ordered[2] as string, Number(ordered[1]));
      continue;
    }
    const quoted = QUOTE.exec(line);
    if (quoted) {
      flushParagraph();
      flushList();
      quote.push(quoted[1] as string);
      continue;
    }
    const current = list as OpenList | null;
    if (current && paragraph.length === 0 && /^\s+\S/.test(line)) {
      // An indented line continues the last list item.
      current.items[current.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushQuote();
    flushList();
    paragraph.push(line.trim());
  }
  flushAll();
  return out.join('\n');
}
