import sharp from 'sharp';
import { chooseFormat, createImageCache, encode } from '../image-format';

describe('image formats', () => {
  it.each([
    ['image/jpeg', 'image/avif,image/webp,*/*', 'avif'],
    ['image/png', 'image/webp,*/*', 'webp'],
    ['image/jpeg', '*/*', null],
    ['image/jpeg', null, null],
    ['image/svg+xml', 'image/avif,image/webp,*/*', null],
    ['image/gif', 'image/avif', null],
    [null, 'image/avif', null],
  ])('sends %s to a browser accepting %j as %s', (type, accept, format) => {
    expect(chooseFormat(type, accept)).toBe(format);
  });

  it.each(['avif', 'webp'] as const)('re-encodes a JPEG as %s at the same size', async (format) => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b6b3a' } })
      .jpeg()
      .toBuffer();
    const meta = await sharp(await encode(jpeg, format)).metadata();
    expect([meta.format === 'heif' ? 'avif' : meta.format, meta.width, meta.height]).toEqual([
      format,
      64,
      48,
    ]);
  });

  it('encodes once per key and drops the least recently used past its byte budget', async () => {
    const cache = createImageCache(10);
    let made = 0;
    const make = (size: number) => async () => {
      made += 1;
      return Buffer.alloc(size);
    };
    await cache.get('a', make(4));
    await cache.get('a', make(4));
    expect(made).toBe(1);
    await cache.get('b', make(4));
    await cache.get('a', make(4));
    await cache.get('c', make(4));
    expect(made).toBe(3);
    await cache.get('a', make(4));
    expect(made).toBe(3);
    await cache.get('b', make(4));
    expect(made).toBe(4);
  });

  it('does not keep a failed encoding', async () => {
    const cache = createImageCache();
    await expect(cache.get('x', () => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    await expect(cache.get('x', async () => Buffer.from('ok'))).resolves.toEqual(Buffer.from('ok'));
  });
});
