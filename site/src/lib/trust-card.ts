/**
 * Trust cards (issue 21.1): a seller's or a licence's card, printed (A6) or downloaded (SVG, PNG),
 * with a QR code that opens the card's page on the exchange, where its state is always today's
 * (valid, expiring, expired, locked): a printed card never outlives its licence.
 */
import QRCode from 'qrcode';
import sharp from 'sharp';
import { SITE_NAME } from './seo';
import { formatDate } from './format';
import { legalFormName, licenceTypeName, VALIDITY_LABELS } from './labels';
import type { LicenceTrustCard, SellerTrustCard } from './schemas';

export type CardTone = 'valid' | 'expiring' | 'expired' | 'locked';

export interface CardLine {
  title: string;
  detail: string;
  tone: CardTone;
  state: string;
  href: string;
}

/** What a card shows, whichever its form (page, SVG, PNG). */
export interface TrustCardView {
  kind: string;
  title: string;
  subtitle: string;
  tone: CardTone;
  state: string;
  /** One sentence that says what the state means for a buyer. */
  meaning: string;
  ocopStars: number | null;
  lines: CardLine[];
  /** Where the QR code leads: the card's own page (absolute). */
  url: string;
}

export const sellerCardPath = (slug: string) => `/xac-thuc/doanh-nghiep/${encodeURIComponent(slug)}`;
export const licenceCardPath = (documentId: string) =>
  `/xac-thuc/giay-phep/${encodeURIComponent(documentId)}`;

const LOCKED = 'Đang bị khóa';

function licenceLine(
  licence: {
    documentId: string;
    type: string;
    number: string;
    expiresOn?: string | null;
    ocopStars?: number | null;
    validity: CardTone;
  },
  origin: string,
): CardLine {
  const expires = formatDate(licence.expiresOn);
  return {
    title: `${licenceTypeName(licence.type)}${licence.ocopStars ? ` (${licence.ocopStars} sao)` : ''}`,
    detail: `Số ${licence.number}${expires ? ` · hết hạn ${expires}` : ' · không thời hạn'}`,
    tone: licence.validity,
    state: licence.validity === 'locked' ? LOCKED : VALIDITY_LABELS[licence.validity],
    href: new URL(licenceCardPath(licence.documentId), origin).href,
  };
}

/** The highest OCOP stars of licences still valid (an expired certificate vouches for nothing). */
function ocopStarsOf(licences: SellerTrustCard['licences']): number | null {
  const stars = licences
    .filter((licence) => licence.type === 'ocop' && licence.validity !== 'expired' && licence.ocopStars)
    .map((licence) => Number(licence.ocopStars));
  return stars.length > 0 ? Math.max(...stars) : null;
}

export function sellerCardView(card: SellerTrustCard, origin: string): TrustCardView {
  const locked = card.state === 'locked';
  const verifiedOn = formatDate(card.verifiedAt);
  const verified = `${card.department ? `${card.department} đã xác thực` : 'Đã xác thực'} người bán`;
  return {
    kind: 'Thẻ xác thực người bán',
    title: card.name,
    subtitle: legalFormName(card.legalForm),
    tone: locked ? 'locked' : 'valid',
    state: locked ? LOCKED : 'Đã xác thực',
    meaning: locked
      ? 'Người bán đang bị Ban quản lý Sàn tạm khóa: không giao dịch qua Sàn cho đến khi được xác thực lại.'
      : `${verified}${verifiedOn ? ` ngày ${verifiedOn}` : ''}; giấy phép dưới đây là tình trạng hôm nay.`,
    ocopStars: locked ? null : ocopStarsOf(card.licences),
    lines: card.licences.map((licence) => licenceLine(licence, origin)),
    url: new URL(sellerCardPath(card.slug), origin).href,
  };
}

export function licenceCardView(card: LicenceTrustCard, origin: string): TrustCardView {
  const locked = card.state === 'locked';
  const meaning: Record<CardTone, string> = {
    valid: 'Giấy phép đã được Sàn đối chiếu và còn hiệu lực hôm nay.',
    expiring: 'Giấy phép còn hiệu lực nhưng sắp hết hạn (trong 30 ngày).',
    expired: 'Giấy phép đã hết hạn: không còn giá trị bảo đảm cho sản phẩm.',
    locked: 'Người được cấp đang bị Ban quản lý Sàn tạm khóa: không giao dịch qua Sàn.',
  };
  return {
    kind: 'Thẻ xác thực giấy phép',
    title: `${licenceTypeName(card.type)}${card.ocopStars ? ` (${card.ocopStars} sao)` : ''}`,
    subtitle: `Số ${card.number} · ${card.seller.name}`,
    tone: card.state,
    state: card.state === 'locked' ? LOCKED : VALIDITY_LABELS[card.state],
    meaning: meaning[card.state],
    ocopStars: card.type === 'ocop' && card.state !== 'expired' && !locked ? (card.ocopStars ?? null) : null,
    lines: [licenceLine({ ...card, validity: card.state }, origin)],
    url: new URL(licenceCardPath(card.documentId), origin).href,
  };
}

/** The QR code of a URL as SVG markup (no script, no external reference): ours, safe to inline. */
export function qrSvg(url: string, size: number): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: size });
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** Cuts a text into lines of at most `width` characters, at spaces; at most `max` lines. */
function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > max ? [...lines.slice(0, max - 1), `${lines[max - 1]}…`] : lines;
}

const TONE_COLOURS: Record<CardTone, string> = {
  valid: '#0b6b3a',
  expiring: '#8a5a00',
  expired: '#b3261e',
  locked: '#b3261e',
};

/** Card size: A6 (105 × 148 mm) at 4 units per millimetre. */
const WIDTH = 420;
const HEIGHT = 592;
const MAX_LINES = 5;

/** The card as a standalone SVG image (A6, portrait), text in the system's sans-serif font. */
export async function cardSvg(view: TrustCardView): Promise<string> {
  const qr = QRCode.create(view.url, { errorCorrectionLevel: 'M' });
  const cells = qr.modules.size;
  const qrSize = 168;
  const cell = qrSize / (cells + 4);
  const qrX = (WIDTH - qrSize) / 2;
  const qrY = HEIGHT - qrSize - 44;
  const dark: string[] = [];
  for (let row = 0; row < cells; row += 1)
    for (let col = 0; col < cells; col += 1)
      if (qr.modules.get(row, col))
        dark.push(
          `M${(qrX + (col + 2) * cell).toFixed(2)} ${(qrY + (row + 2) * cell).toFixed(2)}h${cell.toFixed(2)}v${cell.toFixed(2)}h-${cell.toFixed(2)}z`,
        );

  const text: string[] = [];
  let y = 40;
  const put = (content: string, size: number, options: { weight?: number; colour?: string } = {}) => {
    text.push(
      `<text x="24" y="${y}" font-size="${size}" font-weight="${options.weight ?? 400}" fill="${options.colour ?? '#1b1f24'}">${escapeXml(content)}</text>`,
    );
    y += Math.round(size * 1.35);
  };
  put(SITE_NAME, 13, { colour: '#0b6b3a', weight: 700 });
  put(view.kind, 13, { colour: '#4a5563' });
  y += 6;
  for (const line of wrap(view.title, 30, 2)) put(line, 22, { weight: 700 });
  for (const line of wrap(view.subtitle, 48, 2)) put(line, 13, { colour: '#4a5563' });
  y += 4;
  put(`${view.state}${view.ocopStars ? ` · OCOP ${view.ocopStars} sao` : ''}`, 18, {
    weight: 700,
    colour: TONE_COLOURS[view.tone],
  });
  y += 4;
  for (const line of view.lines.slice(0, MAX_LINES)) {
    put(wrap(line.title, 48, 1)[0], 12, { weight: 700 });
    put(`${line.detail} · ${line.state}`, 11, { colour: TONE_COLOURS[line.tone] });
  }
  if (view.lines.length > MAX_LINES) put(`… và ${view.lines.length - MAX_LINES} giấy phép khác`, 11);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="105mm" height="148mm" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<rect x="6" y="6" width="${WIDTH - 12}" height="${HEIGHT - 12}" fill="none" stroke="${TONE_COLOURS[view.tone]}" stroke-width="4" rx="10"/>`,
    ...text,
    `<rect x="${qrX}" y="${qrY}" width="${qrSize}" height="${qrSize}" fill="#ffffff"/>`,
    `<path fill="#000000" d="${dark.join('')}"/>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 22}" font-size="11" text-anchor="middle" fill="#4a5563">Quét mã để xem tình trạng hôm nay trên Sàn</text>`,
    '</svg>',
  ].join('\n');
}

/** The card as a PNG (A6 at about 300 dpi). */
export async function cardPng(view: TrustCardView): Promise<Buffer> {
  return sharp(Buffer.from(await cardSvg(view)), { density: 300 })
    .png()
    .toBuffer();
}

/** Answers for the downloads: the image, never stale for long, saved under a readable name. */
export function imageResponse(body: string | Buffer, type: 'svg' | 'png', name: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'content-type': type === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png',
      'content-disposition': `attachment; filename="${name}.${type}"`,
      'cache-control': 'public, max-age=300',
    },
  });
}
