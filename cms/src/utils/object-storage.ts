type Env = Record<string, string | undefined>;

const value = (env: Env, name: string) => (env[name] ?? '').trim();
const flag = (env: Env, name: string, fallback: boolean) => {
  const raw = value(env, name).toLowerCase();
  return raw === '' ? fallback : raw === 'true' || raw === '1';
};

/**
 * Where uploaded files are read from: `S3_BASE_URL` (a CDN or the bucket's public address), else
 * the bucket's address derived from the endpoint (path style: `<endpoint>/<bucket>`) or AWS's
 * virtual-hosted name. Empty when uploads stay in the local folder.
 */
export function objectStorageBaseUrl(env: Env): string {
  const bucket = value(env, 'S3_BUCKET');
  if (!bucket) return '';
  const explicit = value(env, 'S3_BASE_URL').replace(/\/+$/, '');
  if (explicit) return explicit;
  const endpoint = value(env, 'S3_ENDPOINT').replace(/\/+$/, '');
  if (endpoint) {
    if (flag(env, 'S3_FORCE_PATH_STYLE', false)) return `${endpoint}/${bucket}`;
    const url = new URL(endpoint);
    return `${url.protocol}//${bucket}.${url.host}`;
  }
  return `https://${bucket}.s3.${value(env, 'S3_REGION') || 'us-east-1'}.amazonaws.com`;
}

/** The origin the Content-Security-Policy must allow for images and media ([] for local uploads). */
export function objectStorageOrigins(env: Env): string[] {
  const base = objectStorageBaseUrl(env);
  return base ? [new URL(base).origin] : [];
}

/**
 * The upload provider's settings: `@strapi/provider-upload-aws-s3` when `S3_BUCKET` is set (AWS S3
 * or an S3-compatible store such as MinIO or Ceph), else `null`: Strapi's local folder
 * (`PUBLIC_DIR/uploads`). Several CMS instances need the bucket: a local folder belongs to one machine.
 */
export function s3UploadProvider(env: Env) {
  const bucket = value(env, 'S3_BUCKET');
  if (!bucket) return null;
  const missing = ['S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter(
    (name) => !value(env, name),
  );
  if (missing.length > 0)
    throw new Error(`Thiếu biến môi trường cho kho lưu trữ S3 (S3_BUCKET đã đặt): ${missing.join(', ')}.`);
  const endpoint = value(env, 'S3_ENDPOINT');
  const acl = value(env, 'S3_ACL');
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: objectStorageBaseUrl(env),
      rootPath: value(env, 'S3_ROOT_PATH') || undefined,
      s3Options: {
        region: value(env, 'S3_REGION'),
        credentials: {
          accessKeyId: value(env, 'S3_ACCESS_KEY_ID'),
          secretAccessKey: value(env, 'S3_SECRET_ACCESS_KEY'),
        },
        ...(endpoint ? { endpoint } : {}),
        forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE', false),
        // Objects are public-read by default; buckets that enforce object ownership (new AWS buckets,
        // Cloudflare R2) refuse any ACL: S3_ACL=none sends none, and the bucket policy grants reads.
        params: { Bucket: bucket, ACL: acl === 'none' ? undefined : acl || 'public-read' },
      },
    },
    actionOptions: { upload: {}, uploadStream: {}, delete: {} },
  };
}
