import MarkdownIt, { type Token } from 'markdown-it';

/**
 * The CMS's legal documents, news and directory listings in HTML, by markdown-it (CommonMark with
 * tables): headings get stable anchors, tables scroll inside their own box on a phone. HTML in the
 * source stays text; a link or an image keeps its address only when it is http(s), mailto, tel, or
 * relative to the site; otherwise its text (an image's description) is shown without it.
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

/**
 * http(s), mailto and tel addresses, and addresses relative to the site (a path, `#fragment`,
 * `?query`): no other scheme (`javascript:`, `data:`…), no other host by `//` or `\`. Control
 * characters and spaces, which browsers drop from a scheme, are not allowed anywhere.
 */
export function isSafeUrl(url: string): boolean {
  if ([...url].some((char) => char <= ' ' || char === '\u007f')) return false;
  if (/^(https?:\/\/|mailto:|tel:)/i.test(url)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[/\\]{2}|^\/\\/.test(url);
}

const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Every address is parsed as one, so an unsafe link shows its label (not its Markdown source); the
// `safe-links` rule below then drops the addresses that are not safe.
parser.validateLink = () => true;

/** Links and images whose address is not safe lose it: a link keeps its label, an image its text. */
parser.core.ruler.push('safe-links', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const kept: Token[] = [];
    let droppedLink = false;
    for (const token of block.children) {
      if (token.type === 'link_open' && !isSafeUrl(token.attrGet('href') ?? '')) {
        droppedLink = true;
        continue;
      }
      if (token.type === 'link_close' && droppedLink) {
        droppedLink = false;
        continue;
      }
      if (token.type === 'image' && !isSafeUrl(token.attrGet('src') ?? '')) {
        const text = new state.Token('text', '', 0);
        text.content = token.content;
        kept.push(text);
        continue;
      }
      kept.push(token);
    }
    block.children = kept;
  }
});

const renderToken = parser.renderer.renderToken.bind(parser.renderer);
// A wide table scrolls inside its box (reachable by keyboard) instead of widening the page.
parser.renderer.rules.table_open = (tokens, index, options) =>
  `<div class="table-scroll" role="region" aria-label="Bảng" tabindex="0">\n${renderToken(tokens, index, options)}`;
parser.renderer.rules.table_close = (tokens, index, options) =>
  `${renderToken(tokens, index, options)}</div>\n`;

export function renderMarkdown(markdown: string | null | undefined, options: MarkdownOptions = {}): string {
  if (!markdown) return '';
  const offset = options.headingOffset ?? 1;
  const unusedAnchors = [...(options.anchors ?? [])];
  const usedIds = new Set<string>();
  const headingId = (level: number, title: string): string => {
    const index = unusedAnchors.findIndex((entry) => entry.level === level && entry.title.trim() === title);
    const base = index === -1 ? anchorOf(title) : (unusedAnchors.splice(index, 1)[0] as HeadingAnchor).anchor;
    let id = base;
    for (let n = 2; usedIds.has(id); n += 1) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };

  const tokens = parser.parse(markdown, {});
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open' && token.type !== 'heading_close') return;
    const level = Number(token.tag.slice(1));
    token.tag = `h${Math.min(6, level + offset)}`;
    if (token.type === 'heading_open') {
      const title = (tokens[index + 1]?.content ?? '').trim();
      token.attrSet('id', headingId(level, title));
    }
  });
  return parser.renderer.render(tokens, parser.options, {}).trimEnd();
}
