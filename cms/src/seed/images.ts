import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';

interface UploadedFile {
  id: number;
}

interface UploadService {
  upload(input: {
    data: { fileInfo: { name: string; alternativeText: string } };
    files: { filepath: string; originalFilename: string; mimetype: string; size: number };
  }): Promise<UploadedFile[]>;
}

/**
 * Renders the seed's SVG illustrations to JPEG with sharp and puts them in
 * the media library (which makes its responsive formats with sharp too).
 * Images already uploaded under the same name are reused.
 */
export async function uploadSeedImages(
  strapi: Core.Strapi,
  dir: string,
  keys: Iterable<string>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const upload = strapi.plugin('upload').service('upload') as unknown as UploadService;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sgd-seed-'));
  try {
    for (const key of new Set(keys)) {
      const name = `${key}.jpg`;
      const existing = (await strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { name } })) as UploadedFile | null;
      if (existing) {
        ids.set(key, existing.id);
        continue;
      }
      const source = path.join(dir, `${key}.svg`);
      if (!fs.existsSync(source)) throw new Error(`Thiếu ảnh mẫu ${source}`);
      const filepath = path.join(work, name);
      await sharp(source).resize(800, 600, { fit: 'cover' }).jpeg({ quality: 80 }).toFile(filepath);
      const [file] = await upload.upload({
        data: { fileInfo: { name, alternativeText: key.replace(/-/g, ' ') } },
        files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: fs.statSync(filepath).size },
      });
      ids.set(key, file.id);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return ids;
}
