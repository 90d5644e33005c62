import { createHmac, randomBytes } from 'node:crypto';

/**
 * A stand-in for a login name that is no account, for the server log: an HMAC
 * under a key that lives only in this run of the server, so repeated tries of one
 * name can be told apart from many names (within one run) while the name itself,
 * often a password typed into the wrong field, is never stored. The launcher makes
 * the key and hands it to every worker (TALLY_LOGIN_TAG_KEY), so a name gets one tag
 * whichever worker answers; a process started without it makes its own.
 */
const fromLauncher = process.env.TALLY_LOGIN_TAG_KEY;
const key = fromLauncher && /^[0-9a-f]{64}$/.test(fromLauncher) ? Buffer.from(fromLauncher, 'hex') : randomBytes(32);

export function loginNameTag(loginName: string): string {
  return createHmac('sha256', key).update(loginName).digest('hex').slice(0, 16);
}
