/**
 * One feature's messages in both languages, in one file, so features can be built
 * side by side without editing a shared catalog. The type makes a missing English
 * key a compile error.
 */
export function defineMessages<const Zh extends Record<string, string>>(messages: {
  zh: Zh;
  en: Record<keyof Zh, string>;
}) {
  return messages;
}
