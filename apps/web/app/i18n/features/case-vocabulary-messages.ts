import { CASE_VOCABULARIES, type Term } from '@tally/casework';

type Vocabularies = typeof CASE_VOCABULARIES;
type Name = keyof Vocabularies;
type CodeOf<N extends Name> = Vocabularies[N]['codes'][number];

/** `cases.<vocabulary>.<code>` for every code of every case vocabulary: the keys screens look labels up by. */
export type CaseVocabularyMessages = { [N in Name as `cases.${N}.${CodeOf<N>}`]: string };

/**
 * The labels of the case vocabulary (packages/casework/src/case-vocabulary.ts) as i18n
 * messages, so a label is written once and the screens, the import and the database agree.
 */
export function caseVocabularyMessages(language: 'zh' | 'en'): CaseVocabularyMessages {
  const messages: Record<string, string> = {};
  for (const [name, { codes, terms }] of Object.entries(CASE_VOCABULARIES)) {
    const byCode: Readonly<Record<string, Term>> = terms;
    for (const code of codes) messages[`cases.${name}.${code}`] = byCode[code]![language];
  }
  return messages as CaseVocabularyMessages;
}
