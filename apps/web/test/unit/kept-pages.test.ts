import { describe, expect, it } from 'vitest';
import { bodyWithNonce, cutAtNonce, isKeptPagePath, type KeptPage, KeptPages } from '../../server/kept-pages.ts';

const page = (text: string, nonce = 'N0nce+/=='): KeptPage => {
  const body = Buffer.from(text);
  return { status: 200, headers: [['content-type', 'text/html']], parts: cutAtNonce(body, nonce), bytes: body.length };
};

describe('kept pages', () => {
  it('keeps the ranking, the trends and a published breakdown, and nothing else', () => {
    expect(isKeptPagePath('/dashboard')).toBe(true);
    expect(isKeptPagePath('/dashboard/trends')).toBe(true);
    expect(isKeptPagePath('/assessment/results/0f1e/130534100000')).toBe(true);
    for (const other of [
      '/',
      '/dashboard/compare',
      '/dashboard/compare/export',
      '/assessment/results/0f1e',
      '/cases',
      '/dashboardx',
    ])
      expect(isKeptPagePath(other), other).toBe(false);
  });

  it('gives each answer its own nonce wherever the rendered one was', () => {
    const kept = page('<script nonce="N0nce+/==">a</script><p>N0nce+/==</p><script nonce="N0nce+/==">b</script>');
    expect(kept.parts).toHaveLength(4);
    const answer = bodyWithNonce(kept, 'Other123').toString();
    expect(answer).toBe('<script nonce="Other123">a</script><p>Other123</p><script nonce="Other123">b</script>');
    expect(answer).not.toContain('N0nce');
    expect(bodyWithNonce(page('no scripts'), 'x').toString()).toBe('no scripts');
  });

  it('lets readers of a key being rendered wait for that rendering, and keeps nothing from a failed one', async () => {
    const pages = new KeptPages();
    let finish: (kept: KeptPage | null) => void = () => {};
    pages.keep('a', new Promise((resolve) => (finish = resolve)));
    const waiting = pages.find('a');
    expect(waiting).not.toBeNull();
    finish(page('<p>ranking</p>'));
    expect(bodyWithNonce((await waiting)!, 'n').toString()).toBe('<p>ranking</p>');
    expect(pages.bytes).toBe('<p>ranking</p>'.length);

    pages.keep('b', Promise.resolve(null));
    await Promise.resolve();
    await Promise.resolve();
    expect(pages.find('b')).toBeNull();
    pages.keep('c', Promise.reject(new Error('render failed')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.find('c')).toBeNull();
    expect(pages.size).toBe(1);
  });

  it('lets the least recently read pages go beyond its byte and entry bounds', async () => {
    const pages = new KeptPages(25, 10);
    pages.keep('one', Promise.resolve(page('0123456789')));
    pages.keep('two', Promise.resolve(page('0123456789')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.find('one')).not.toBeNull(); // read last: 'two' goes first
    pages.keep('three', Promise.resolve(page('0123456789')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.find('two')).toBeNull();
    expect(pages.find('one')).not.toBeNull();
    expect(pages.find('three')).not.toBeNull();
    expect(pages.bytes).toBe(20);

    const few = new KeptPages(1_000, 2);
    for (const key of ['a', 'b', 'c']) few.keep(key, Promise.resolve(page(key)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(few.size).toBe(2);
    expect(few.find('a')).toBeNull();
  });

  it('counts a page kept again under the same key once', async () => {
    const pages = new KeptPages();
    pages.keep('a', Promise.resolve(page('0123456789')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    pages.keep('a', Promise.resolve(page('01234')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pages.bytes).toBe(5);
    expect(pages.size).toBe(1);
  });
});
