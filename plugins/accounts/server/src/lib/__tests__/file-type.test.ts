import { sniffScanType } from '../file-type';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

describe('sniffScanType', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'image/jpeg'],
    ['a PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'image/png'],
    ['a WebP', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
  ])('recognises %s by its first bytes', (_, head, mime) => {
    expect(sniffScanType(head)?.mime).toBe(mime);
  });

  it.each([
    ['an SVG named .png', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['an HTML page', bytes('<!DOCTYPE html><html>')],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt ')],
    ['a ZIP (DOCX)', bytes('PK', 3, 4, 20, 0, 6, 0)],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated PNG signature', bytes(0x89, 'PN')],
  ])('refuses %s', (_, head) => {
    expect(sniffScanType(head)).toBeNull();
  });
});
