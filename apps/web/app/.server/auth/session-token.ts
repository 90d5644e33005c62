import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * Lucia's session design: token = `<id>.<secret>`. The id is public and carries
 * the county (sign-in must know which tenant to open before any actor
 * exists); only sha256(secret) is stored, compared in constant time.
 */
export interface IssuedToken {
  id: string;
  secretHash: Uint8Array;
  token: string;
}

function randomString(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function issueToken(countyId: number): IssuedToken {
  const id = `${countyId}-${randomString(15)}`;
  const secret = randomString(20);
  return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

export interface ParsedToken {
  id: string;
  countyId: number;
  secret: string;
}

export function parseToken(token: string): ParsedToken | null {
  const match = /^([1-9][0-9]{0,9})-([a-z2-7]{24})\.([a-z2-7]{32})$/.exec(token);
  if (!match) return null;
  return { id: `${match[1]}-${match[2]}`, countyId: Number(match[1]), secret: match[3]! };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), storedHash);
}
