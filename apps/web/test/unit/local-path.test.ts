import { describe, expect, it } from 'vitest';
import { localPath } from '../../app/.server/local-path.ts';

const origin = 'http://tally.county.example:3000';

describe('localPath: where a redirect may go', () => {
  it.each([
    '/\\evil.example',
    '/\t/evil.example',
    '//evil.example',
    '/\\\\evil.example',
    '\\\\evil.example',
    'https://evil.example/x',
    'javascript:alert(1)',
    'data:text/html,x',
    '/.//evil.example',
    '/./\\evil.example',
    'http://tally.county.example:3001/',
    '',
    null,
    undefined,
  ])('%j leaves the site: home instead', (value) => {
    expect(localPath(value, origin)).toBe('/');
  });

  it.each([
    ['/cases?status=assigned#list', '/cases?status=assigned#list'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    [`${origin}/registers/meetings`, '/registers/meetings'],
    ['/registers/../cases', '/cases'],
  ])('%j stays: %j', (value, expected) => {
    expect(localPath(value, origin)).toBe(expected);
  });
});
