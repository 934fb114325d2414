/** The kinds of scan the exchange accepts, recognised by their first bytes, never by the file name. */
const SIGNATURES: { mime: string; extension: string; matches(head: Buffer): boolean }[] = [
  {
    mime: 'application/pdf',
    extension: 'pdf',
    matches: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  { mime: 'image/jpeg', extension: 'jpg', matches: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  {
    mime: 'image/png',
    extension: 'png',
    matches: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: 'image/webp',
    extension: 'webp',
    matches: (h) =>
      h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** How many leading bytes `sniffScanType` needs. */
export const SNIFF_BYTES = 12;

/** The real type of a scan from its first bytes, or null when it is not a PDF, JPEG, PNG or WebP. */
export function sniffScanType(head: Buffer): { mime: string; extension: string } | null {
  const found = SIGNATURES.find((signature) => signature.matches(head));
  return found ? { mime: found.mime, extension: found.extension } : null;
}
