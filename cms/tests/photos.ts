import path from 'node:path';
import sharp from 'sharp';

/**
 * A photo as a phone takes it: camera make and the GPS position of a farm in Đồng Tháp, which every
 * upload must lose.
 */
export const photoWithGps = (colour = '#d4a017') =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: colour } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'DienThoai', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '10/1 27/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '105/1 38/1 0/1',
      },
    })
    .toBuffer();

/** Where the local upload provider keeps a file with this public URL (`/uploads/…`). */
export const storedPath = (url: string) => path.join(process.env.PUBLIC_DIR as string, url);
