import { assertProductionSecrets, findUnsafeSecrets } from '../secrets';

const strong = 'q8Zp2vN6xW4rT1yL0kJ3hG5f';
const allStrong = {
  APP_KEYS: `${strong},${strong}x`,
  API_TOKEN_SALT: strong,
  ADMIN_JWT_SECRET: strong,
  TRANSFER_TOKEN_SALT: strong,
  JWT_SECRET: strong,
  ENCRYPTION_KEY: strong,
  SITE_WEBHOOK_SECRET: strong,
};

describe('production secrets', () => {
  it('accepts long random values', () => {
    expect(findUnsafeSecrets(allStrong)).toEqual([]);
  });

  it.each([
    ['missing', { ...allStrong, JWT_SECRET: undefined }, ['JWT_SECRET']],
    ['empty', { ...allStrong, JWT_SECRET: '  ' }, ['JWT_SECRET']],
    ['a sample value', { ...allStrong, ADMIN_JWT_SECRET: 'tobemodified' }, ['ADMIN_JWT_SECRET']],
    ['one sample app key', { ...allStrong, APP_KEYS: `${strong},toBeModified2` }, ['APP_KEYS']],
    ['too short', { ...allStrong, ENCRYPTION_KEY: 'abc123' }, ['ENCRYPTION_KEY']],
    ['missing site', { ...allStrong, SITE_WEBHOOK_SECRET: undefined }, ['SITE_WEBHOOK_SECRET']],
  ])('flags a %s secret', (_label, env, expected) => {
    expect(findUnsafeSecrets(env)).toEqual(expected);
  });

  it('refuses production only', () => {
    expect(() => assertProductionSecrets({ NODE_ENV: 'development' })).not.toThrow();
    expect(() => assertProductionSecrets({ ...allStrong, NODE_ENV: 'production' })).not.toThrow();
    expect(() => assertProductionSecrets({ NODE_ENV: 'production' })).toThrow(/APP_KEYS, API_TOKEN_SALT/);
  });
});
