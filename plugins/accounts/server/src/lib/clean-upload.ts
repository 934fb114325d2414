import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { SNIFF_BYTES, sniffScanType } from './file-type';

export interface UploadLimits {
  maxBytes: number;
  maxPixels: number;
  maxSide: number;
  maxFiles: number;
}

/** The fields of a formidable file that Strapi and the exchange's routes read. */
export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

/** Why a file is refused: the message is shown to the person who sent it. */
export class UploadRefused extends Error {}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function readHead(filepath: string): Promise<Buffer> {
  const head = Buffer.alloc(SNIFF_BYTES);
  const handle = await fs.promises.open(filepath, 'r');
  try {
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The sent name with the extension of the real type (`anh.png` that is a JPEG becomes `anh.jpg`). */
function renamed(original: string | null | undefined, extension: string): string {
  const base = path.basename(original || 'tep').replace(/\.[^.]*$/, '') || 'tep';
  return `${base}.${extension}`;
}

/**
 * Checks one uploaded file and, for an image, replaces it by a copy re-encoded by sharp: the same
 * picture turned upright, without EXIF, GPS position, comments or anything else a camera or an
 * editor left in it. The file object is updated in place (path, size, type, name) so whatever
 * reads it next (Strapi's upload plugin, the private scans) stores the clean copy. Refuses, before
 * anything is stored, a file that is too big, not really a JPEG, PNG or WebP (or a PDF where
 * `allowPdf`), or an image with too many pixels (a "decompression bomb": a few kilobytes that
 * would unpack to gigabytes). Returns the path of the copy, for the caller to delete.
 */
export async function cleanUpload(
  file: IncomingFile,
  limits: UploadLimits,
  allowPdf: boolean,
): Promise<string | null> {
  if (file.size > limits.maxBytes) {
    throw new UploadRefused(`Tệp quá lớn: tối đa ${mb(limits.maxBytes)} MB.`);
  }
  const type = sniffScanType(await readHead(file.filepath));
  if (!type || (type.mime === 'application/pdf' && !allowPdf)) {
    throw new UploadRefused(
      allowPdf ? 'Bản chụp phải là tệp PDF, JPG, PNG hoặc WebP.' : 'Tệp phải là ảnh JPG, PNG hoặc WebP.',
    );
  }
  file.mimetype = type.mime;
  file.originalFilename = renamed(file.originalFilename, type.extension);
  if (type.mime === 'application/pdf') return null;

  const tooBig = `Ảnh quá lớn: tối đa ${limits.maxSide} điểm ảnh mỗi chiều và ${limits.maxPixels / 1_000_000} triệu điểm ảnh.`;
  let width = 0;
  let height = 0;
  try {
    // Reads the header only: the declared size is checked before any pixel is decoded.
    ({ width = 0, height = 0 } = await sharp(file.filepath, { limitInputPixels: false }).metadata());
  } catch {
    throw new UploadRefused('Ảnh bị hỏng hoặc không đọc được.');
  }
  if (!width || !height) throw new UploadRefused('Ảnh bị hỏng hoặc không đọc được.');
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    throw new UploadRefused(tooBig);
  }

  const target = `${file.filepath}.sach.${type.extension}`;
  try {
    const image = sharp(file.filepath, { limitInputPixels: limits.maxPixels, failOn: 'error' }).rotate();
    // sharp writes no metadata unless asked to (no EXIF, XMP, IPTC); colours are converted to sRGB.
    if (type.extension === 'jpg') await image.jpeg({ quality: 90 }).toFile(target);
    else if (type.extension === 'png') await image.png().toFile(target);
    else await image.webp({ quality: 90 }).toFile(target);
  } catch {
    await fs.promises.rm(target, { force: true });
    throw new UploadRefused('Ảnh bị hỏng hoặc không đọc được.');
  }
  file.filepath = target;
  file.size = (await fs.promises.stat(target)).size;
  return target;
}
