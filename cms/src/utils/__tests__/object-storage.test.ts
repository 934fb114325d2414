import { objectStorageBaseUrl, objectStorageOrigins, s3UploadProvider } from '../object-storage';

const keys = { S3_REGION: 'ap-southeast-1', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE', S3_SECRET_ACCESS_KEY: 'bi-mat' };

describe('uploads in object storage', () => {
  it('keeps the local folder when no bucket is set', () => {
    expect(s3UploadProvider({})).toBeNull();
    expect(objectStorageOrigins({ S3_ENDPOINT: 'https://s3.example.vn' })).toEqual([]);
  });

  it.each([
    ['AWS, virtual-hosted', { S3_BUCKET: 'sgd-anh' }, 'https://sgd-anh.s3.ap-southeast-1.amazonaws.com'],
    [
      'an S3-compatible store, path style',
      { S3_BUCKET: 'sgd-anh', S3_ENDPOINT: 'https://kho.dongthap.gov.vn:9000/', S3_FORCE_PATH_STYLE: 'true' },
      'https://kho.dongthap.gov.vn:9000/sgd-anh',
    ],
    [
      'an S3-compatible store, virtual-hosted',
      { S3_BUCKET: 'sgd-anh', S3_ENDPOINT: 'https://kho.dongthap.gov.vn' },
      'https://sgd-anh.kho.dongthap.gov.vn',
    ],
    [
      'a CDN in front',
      { S3_BUCKET: 'sgd-anh', S3_BASE_URL: 'https://anh.sangiaodich.vn/' },
      'https://anh.sangiaodich.vn',
    ],
  ])('serves files from the bucket: %s', (_, env, base) => {
    expect(objectStorageBaseUrl({ ...keys, ...env })).toBe(base);
    expect(objectStorageOrigins({ ...keys, ...env })).toEqual([new URL(base).origin]);
    expect(s3UploadProvider({ ...keys, ...env })?.providerOptions.baseUrl).toBe(base);
  });

  it('configures the provider with the bucket, region, endpoint, path style and credentials', () => {
    expect(
      s3UploadProvider({
        ...keys,
        S3_BUCKET: 'sgd-anh',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ROOT_PATH: 'uploads',
        S3_ACL: 'private',
      }),
    ).toEqual({
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: 'http://127.0.0.1:9000/sgd-anh',
        rootPath: 'uploads',
        s3Options: {
          region: 'ap-southeast-1',
          credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'bi-mat' },
          endpoint: 'http://127.0.0.1:9000',
          forcePathStyle: true,
          params: { Bucket: 'sgd-anh', ACL: 'private' },
        },
      },
      actionOptions: { upload: {}, uploadStream: {}, delete: {} },
    });
    // Public-read by default; none at all for buckets that enforce object ownership.
    const params = (env: Record<string, string>) =>
      s3UploadProvider({ ...keys, S3_BUCKET: 'sgd-anh', ...env })?.providerOptions.s3Options.params;
    expect(params({})).toEqual({ Bucket: 'sgd-anh', ACL: 'public-read' });
    const none = params({ S3_ACL: 'none' }) as Record<string, unknown>;
    // Present but undefined: the provider adds public-read only when the key is missing.
    expect(['ACL' in none, none.ACL]).toEqual([true, undefined]);
  });

  it('refuses to start with a bucket but no credentials or region', () => {
    expect(() => s3UploadProvider({ S3_BUCKET: 'sgd-anh', S3_REGION: 'ap-southeast-1' })).toThrow(
      'Thiếu biến môi trường cho kho lưu trữ S3 (S3_BUCKET đã đặt): S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY.',
    );
  });
});
