import { describe, expect, it } from 'vitest';
import { FORM_BODY_LIMIT, RECORD_BODY_LIMIT, bodyPolicyFor } from '../../server/body-limit.ts';

describe('body limits by route', () => {
  it('sign-in, language and admin forms are small; records and tRPC larger; uploads stream', () => {
    for (const path of ['/login', '/lang', '/logout', '/users', '/units.data', '/calendar', '/'])
      expect(bodyPolicyFor(path)).toEqual({ kind: 'buffered', limit: FORM_BODY_LIMIT });
    for (const path of [
      '/api/trpc/registers.create',
      '/registers/disputes/new',
      '/registers/disputes/new.data',
      '/cases/new',
      '/mediation/x/agreement',
      '/registers/meetings/import/0b6c',
    ]) {
      expect(bodyPolicyFor(path)).toEqual({ kind: 'buffered', limit: RECORD_BODY_LIMIT });
    }
    for (const path of [
      '/registers/meetings/import',
      '/registers/meetings/import.data',
      '/registers/petitions/import/upload',
    ])
      expect(bodyPolicyFor(path)).toEqual({ kind: 'streamed' });
  });
});
