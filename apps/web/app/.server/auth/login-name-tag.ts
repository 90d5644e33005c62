import { createHmac, randomBytes } from 'node:crypto';

/**
 * A stand-in for a login name that is no account, for the server log: an HMAC
 * under a key that lives only in this process, so repeated tries of one name
 * can be told apart from many names (within one run of the server) while the
 * name itself, often a password typed into the wrong field, is never stored.
 */
const key = randomBytes(32);

export function loginNameTag(loginName: string): string {
  return createHmac('sha256', key).update(loginName).digest('hex').slice(0, 16);
}
