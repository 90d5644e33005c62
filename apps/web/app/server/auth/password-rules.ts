import type { MessageKey } from '../../i18n/index.ts';

/** 等保 level 3: at least 8 characters from at least 3 of the 4 classes. */
export function passwordProblem(password: string): MessageKey | null {
  if (password.length < 8) return 'error.password.tooShort';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  return classes >= 3 ? null : 'error.password.classes';
}
