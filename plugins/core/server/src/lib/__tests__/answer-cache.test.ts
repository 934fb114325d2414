import { createAnswerCache } from '../answer-cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('answer cache', () => {
  it('computes an answer once for concurrent identical requests, then reuses it', async () => {
    const cache = createAnswerCache();
    const pending = deferred<string>();
    let computed = 0;
    const compute = () => {
      computed += 1;
      return pending.promise;
    };
    const answers = Promise.all([cache.get('a', compute), cache.get('a', compute), cache.get('a', compute)]);
    pending.resolve('page');
    expect(await answers).toEqual(['page', 'page', 'page']);
    expect(await cache.get('a', compute)).toBe('page');
    expect(computed).toBe(1);
  });

  it('computes again after clear()', async () => {
    const cache = createAnswerCache();
    let n = 0;
    const compute = async () => `v${(n += 1)}`;
    expect(await cache.get('a', compute)).toBe('v1');
    cache.clear();
    expect(await cache.get('a', compute)).toBe('v2');
  });

  it('does not keep an answer computed from data that changed meanwhile', async () => {
    const cache = createAnswerCache();
    const old = deferred<string>();
    const first = cache.get('a', () => old.promise);
    cache.clear();
    old.resolve('before the change');
    expect(await first).toBe('before the change');
    expect(await cache.get('a', async () => 'after the change')).toBe('after the change');
  });

  it('does not keep a failed computation', async () => {
    const cache = createAnswerCache();
    await expect(cache.get('a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', async () => 'ok')).toBe('ok');
  });

  it('drops the least recently used answer when full', async () => {
    const cache = createAnswerCache(2);
    await cache.get('a', async () => 'A');
    await cache.get('b', async () => 'B');
    await cache.get('a', async () => 'A2');
    await cache.get('c', async () => 'C');
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'A3')).toBe('A');
    expect(await cache.get('b', async () => 'B2')).toBe('B2');
  });

  it('keeps an answer no longer than its maximum age', async () => {
    let time = 0;
    const cache = createAnswerCache(10, 1000, () => time);
    await cache.get('a', async () => 'old');
    time = 999;
    expect(await cache.get('a', async () => 'new')).toBe('old');
    time = 2000;
    expect(await cache.get('a', async () => 'new')).toBe('new');
  });
});
