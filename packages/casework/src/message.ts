/** A user-facing message in Simplified Chinese with an English variant (for logs, tests, non-Chinese staff). */
export interface Message {
  zh: string;
  en: string;
}

/** A coded user-facing error: `code` is stable for programs, `zh`/`en` are for people. */
export interface CodedError<C extends string = string> extends Message {
  code: C;
}
