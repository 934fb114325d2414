import { parseSize } from '../postgres-settings';

describe('parseSize', () => {
  it.each([
    ['128MB', 128 * 1024 ** 2],
    ['8kB', 8192],
    ['4GB', 4 * 1024 ** 3],
    ['16384', 16384],
    ['lots', Number.NaN],
  ])('reads %p as %p bytes', (value, bytes) => {
    expect(parseSize(value)).toBe(bytes);
  });
});
