import { describe, expect, it, vi } from 'vitest';
import { ResultCache, type CachedResult } from '../../server/result-cache.js';

/** A result whose body is `bytes` long, tagged so that a test can tell results apart. */
const result = (tag: string, bytes = 10): CachedResult => ({
  body: Buffer.alloc(bytes, tag),
  etag: `"${tag}"`,
  rows: bytes,
  headers: { 'Content-Type': 'text/csv' },
});

/** Keys as the queries route builds them: snapshot | query | format | parameters. */
const key = (snapshot: string, query: string, params: Record<string, unknown> = {}, format = 'arrow') =>
  `${snapshot}|${query}|${format}|${JSON.stringify(params)}`;

/** A computation the test resolves or rejects by hand, counting how often it was started. */
function deferred() {
  let resolve!: (value: CachedResult) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<CachedResult>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const compute = vi.fn(() => promise);
  return { compute, resolve, reject };
}

/** Which of the keys the cache holds now (peek also refreshes recency, so this reads in the given order). */
const held = (cache: ResultCache, keys: string[]) => keys.filter((k) => cache.peek(k) !== undefined);

describe('the result cache', () => {
  it('computes a result once and serves it again as a hit', async () => {
    const cache = new ResultCache(1000);
    const compute = vi.fn(async () => result('a'));
    const k = key('s1', 'training-trend', { program: 'knowledge_renewal' });
    const first = await cache.getOrCompute(k, compute);
    const second = await cache.getOrCompute(k, compute);
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.result).toBe(first.result);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(cache.peek(k)).toBe(first.result);
  });

  it('keeps results apart by query, parameters, format and snapshot', async () => {
    const cache = new ResultCache(1000);
    const keys = [
      key('s1', 'training-trend', { program: 'knowledge_renewal' }),
      key('s1', 'training-trend', { program: 'vocational' }),
      key('s1', 'training-by-region', { program: 'knowledge_renewal' }),
      key('s1', 'training-trend', { program: 'knowledge_renewal' }, 'csv'),
      key('s2', 'training-trend', { program: 'knowledge_renewal' }),
    ];
    const compute = vi.fn(async () => result('x'));
    for (const k of keys) expect((await cache.getOrCompute(k, compute)).hit).toBe(false);
    expect(compute).toHaveBeenCalledTimes(5);
    expect(cache.peek(key('s3', 'training-trend', { program: 'knowledge_renewal' }))).toBeUndefined();
  });

  it('shares one computation among identical concurrent requests', async () => {
    const cache = new ResultCache(1000);
    const { compute, resolve } = deferred();
    const k = key('s1', 'talent-gap');
    const first = cache.getOrCompute(k, compute);
    const second = cache.getOrCompute(k, compute);
    const third = cache.getOrCompute(k, compute);
    expect(cache.peek(k)).toBeUndefined(); // not stored before it is computed
    const value = result('a');
    resolve(value);
    const answers = await Promise.all([first, second, third]);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(answers.map((a) => a.hit)).toEqual([false, true, true]);
    for (const a of answers) expect(a.result).toBe(value);
    expect(cache.peek(k)).toBe(value);
  });

  it('stores nothing when the computation fails: every waiter gets the error, and the next request computes again', async () => {
    const cache = new ResultCache(1000);
    const { compute, reject } = deferred();
    const k = key('s1', 'talent-gap');
    const first = cache.getOrCompute(k, compute);
    const second = cache.getOrCompute(k, compute);
    reject(new Error('query interrupted'));
    await expect(first).rejects.toThrow('query interrupted');
    await expect(second).rejects.toThrow('query interrupted');
    expect(cache.peek(k)).toBeUndefined();

    const retry = vi.fn(async () => result('b'));
    const again = await cache.getOrCompute(k, retry);
    expect(again.hit).toBe(false);
    expect(retry).toHaveBeenCalledTimes(1);
    expect(cache.peek(k)).toBe(again.result);
  });

  it('with a zero budget is disabled: stores nothing, but still shares concurrent computations', async () => {
    const cache = new ResultCache(0);
    expect(cache.enabled).toBe(false);
    const compute = vi.fn(async () => result('a'));
    const k = key('s1', 'zone-pressure');
    expect((await cache.getOrCompute(k, compute)).hit).toBe(false);
    expect((await cache.getOrCompute(k, compute)).hit).toBe(false);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.peek(k)).toBeUndefined();
    await cache.getOrCompute('s1|empty', async () => result('e', 0)); // even an empty body
    expect(cache.peek('s1|empty')).toBeUndefined();

    const { compute: slow, resolve } = deferred();
    const both = Promise.all([cache.getOrCompute(k, slow), cache.getOrCompute(k, slow)]);
    resolve(result('b'));
    expect((await both).map((a) => a.hit)).toEqual([false, true]);
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it('does not store a result larger than a quarter of its budget', async () => {
    const cache = new ResultCache(100);
    await cache.getOrCompute('s1|big', async () => result('b', 26)); // 26 > 100 / 4
    await cache.getOrCompute('s1|fits', async () => result('f', 25)); // 25 ≤ 100 / 4
    expect(cache.peek('s1|big')).toBeUndefined();
    expect(cache.peek('s1|fits')).toBeDefined();
  });

  it('evicts the least recently used results once over budget; a hit or a peek makes a result recent', async () => {
    // Budget 100 bytes, results of 25: four fit exactly, a fifth evicts the least recently used one.
    const cache = new ResultCache(100);
    const put = (k: string) => cache.getOrCompute(k, async () => result(k, 25));
    for (const k of ['s1|a', 's1|b', 's1|c', 's1|d']) await put(k); // a b c d, 100 bytes
    expect((await put('s1|a')).hit).toBe(true); // b c d a
    expect(cache.peek('s1|b')).toBeDefined(); // c d a b
    await put('s1|e'); // 125 bytes: c goes → d a b e
    await put('s1|f'); // d goes → a b e f
    expect(held(cache, ['s1|a', 's1|b', 's1|c', 's1|d', 's1|e', 's1|f'])).toEqual(['s1|a', 's1|b', 's1|e', 's1|f']);
  });

  it('evicts as many older results as a new one needs', async () => {
    const cache = new ResultCache(100);
    for (const k of ['s1|a', 's1|b', 's1|c', 's1|d', 's1|e']) await cache.getOrCompute(k, async () => result(k, 20)); // 100 bytes
    await cache.getOrCompute('s1|big', async () => result('big', 25)); // 125: a (20) is not enough, b goes too → 85
    expect(held(cache, ['s1|a', 's1|b', 's1|c', 's1|d', 's1|e', 's1|big'])).toEqual(['s1|c', 's1|d', 's1|e', 's1|big']);
  });

  it('after a snapshot switch keeps only the live snapshot’s results, and frees the budget of the others', async () => {
    const cache = new ResultCache(100);
    const put = (k: string) => cache.getOrCompute(k, async () => result(k, 25));
    for (const k of ['s1|a', 's2|b', 's2|c', 's20|a']) await put(k);
    cache.retainSnapshot('s2');
    expect(held(cache, ['s1|a', 's2|b', 's2|c', 's20|a'])).toEqual(['s2|b', 's2|c']);
    // 50 bytes are left in use: two more results fit without evicting s2|b or s2|c.
    await put('s2|d');
    await put('s2|e');
    expect(held(cache, ['s2|b', 's2|c', 's2|d', 's2|e'])).toEqual(['s2|b', 's2|c', 's2|d', 's2|e']);
    // A request on the old snapshot computes again.
    expect((await put('s1|a')).hit).toBe(false);
  });

  it('does not keep a result of the old snapshot that finishes after the switch', async () => {
    const cache = new ResultCache(100);
    let finish: (r: ReturnType<typeof result>) => void = () => {};
    const late = cache.getOrCompute('s1|slow', () => new Promise((resolve) => (finish = resolve)));
    cache.retainSnapshot('s2');
    finish(result('s1|slow', 25));
    expect((await late).hit).toBe(false);
    expect(cache.peek('s1|slow')).toBeUndefined();
    await cache.getOrCompute('s2|a', async () => result('s2|a', 25));
    expect(cache.peek('s2|a')).toBeDefined();
  });
});
