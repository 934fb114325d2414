/**
 * Uploaded JPEG and PNG images re-encoded as AVIF or WebP for browsers that accept them (the sizes
 * stay Strapi's formats, picked by each `<img srcset sizes>`). Encoded once per file and format,
 * kept in memory within a byte budget, least recently used dropped first.
 */
import sharp from 'sharp';

export type ModernFormat = 'avif' | 'webp';

const CONVERTIBLE = /^image\/(jpeg|png)\b/;
/** AVIF at effort 2 costs tens of milliseconds per image here; higher efforts cost ten times more. */
const AVIF = { quality: 55, effort: 2 };
const WEBP = { quality: 75 };
export const IMAGE_CACHE_BYTES = 64 * 1024 * 1024;

/** The format to send for a file of `contentType`, given the browser's `Accept`; null: as it is. */
export function chooseFormat(contentType: string | null, accept: string | null): ModernFormat | null {
  if (!contentType || !CONVERTIBLE.test(contentType) || !accept) return null;
  if (/\bimage\/avif\b/.test(accept)) return 'avif';
  if (/\bimage\/webp\b/.test(accept)) return 'webp';
  return null;
}

export function encode(input: Buffer, format: ModernFormat): Promise<Buffer> {
  const image = sharp(input, { failOn: 'error' });
  return (format === 'avif' ? image.avif(AVIF) : image.webp(WEBP)).toBuffer();
}

export function createImageCache(maxBytes = IMAGE_CACHE_BYTES) {
  const entries = new Map<string, Promise<Buffer>>();
  const sizes = new Map<string, number>();
  let total = 0;

  function drop(key: string): void {
    total -= sizes.get(key) ?? 0;
    sizes.delete(key);
    entries.delete(key);
  }

  return {
    /** The encoded image under `key` (file, version and format), encoding it once. */
    get(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const made = make();
      entries.set(key, made);
      made.then(
        (buffer) => {
          if (!entries.has(key)) return;
          sizes.set(key, buffer.byteLength);
          total += buffer.byteLength;
          for (const oldest of entries.keys()) {
            if (total <= maxBytes || oldest === key) break;
            drop(oldest);
          }
        },
        () => drop(key),
      );
      return made;
    },
  };
}

export const imageCache = createImageCache();
