import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { MessageKey } from '../../i18n/index.ts';

/** Whose password it is: a password must not be built from the account's own names. */
export interface PasswordOwner {
  loginName: string;
  displayName?: string;
}

/**
 * zxcvbn score 3 = about 10^8 guesses or more: leaked-list passwords and their
 * usual decorations (P@ssw0rd1, Admin@123, 1qaz@WSX, Aa123456) score 0–2.
 * Built on first use: the dictionaries take a moment to index.
 */
const MIN_SCORE = 3;
let estimator: ZxcvbnFactory | null = null;
function strength(password: string, owner: PasswordOwner): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const userInputs = [owner.loginName, ...(owner.displayName ? [owner.displayName] : [])];
  return estimator.check(password, userInputs).score;
}

/**
 * 等保 level 3: at least 8 characters from at least 3 of the 4 classes; and not
 * containing the login name, and not a common password (docs/security.md).
 */
export function passwordProblem(password: string, owner: PasswordOwner): MessageKey | null {
  if (password.length < 8) return 'error.password.tooShort';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return 'error.password.classes';
  if (owner.loginName.length > 0 && password.toLowerCase().includes(owner.loginName.toLowerCase()))
    return 'error.password.containsLoginName';
  if (strength(password, owner) < MIN_SCORE) return 'error.password.common';
  return null;
}
