import { isCivilDate } from '@tally/casework';
import { checkingEventLevels, type CheckingEventKind } from '@tally/db/assessment';
import { translator, type Language } from '../../i18n/index.ts';
import { kindLabelKey, levelLabelKey } from '../../lib/checking-labels.ts';
import { UserFacingError } from '../errors.ts';

/** Long enough for a finding in a few sentences; a report belongs in a file named by 文号. */
export const DESCRIPTION_MAX = 500;
export const ATTACHMENT_REF_MAX = 60;
const EARLIEST = '2000-01-01';

/*
 * What looks like a citizen's identifiers: an 18- or 15-digit ID number, or a mainland
 * mobile number. The form asks for no personal data (docs/domain.md §8: this text is read above the
 * handling unit); these are the ones that can be told by their shape.
 */
const ID_NUMBER = /(?<![\dXx])(\d{17}[\dXx]|\d{15})(?![\dXx])/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

export interface EventDraft {
  kind: CheckingEventKind;
  level?: string | null | undefined;
  occurredOn: string;
  description: string;
  attachmentRef?: string | null | undefined;
}

export interface CheckedEvent {
  kind: CheckingEventKind;
  level: string | null;
  occurredOn: string;
  description: string;
  attachmentRef: string | null;
}

/** A refusal naming the kind and its levels in each language (they are labels, not codes). */
function levelError(
  key: 'checks.error.levelRequired' | 'checks.error.levelNotAllowed',
  kind: CheckingEventKind,
  levels: readonly string[],
): UserFacingError {
  const say = (language: Language) => {
    const t = translator(language);
    const names = levels.map((level) => {
      const labelKey = levelLabelKey(kind, level);
      return labelKey ? t(labelKey) : level;
    });
    return t(key, { kind: t(kindLabelKey(kind)), levels: names.join(language === 'zh-CN' ? '、' : ', ') });
  };
  return new UserFacingError('BAD_REQUEST', 'error.domain', { zh: say('zh-CN'), en: say('en') });
}

/**
 * A checking event as it will be stored, or the first refusal: the level the kind requires
 * (and none where it has none), a date that has happened (in Shanghai), a description without
 * a citizen's ID or phone number, and the length limits.
 */
export function checkedEvent(draft: EventDraft, today: string): CheckedEvent {
  const levels = checkingEventLevels[draft.kind] ?? [];
  const level = draft.level?.trim() || null;
  if (levels.length > 0 && (level === null || !levels.includes(level)))
    throw levelError('checks.error.levelRequired', draft.kind, levels);
  if (levels.length === 0 && level !== null) throw levelError('checks.error.levelNotAllowed', draft.kind, levels);

  const occurredOn = draft.occurredOn.trim();
  if (!isCivilDate(occurredOn) || occurredOn < EARLIEST) throw new UserFacingError('BAD_REQUEST', 'checks.error.date');
  if (occurredOn > today) throw new UserFacingError('BAD_REQUEST', 'checks.error.dateFuture', { today });

  const description = draft.description.trim();
  if (!description) throw new UserFacingError('BAD_REQUEST', 'checks.error.descriptionRequired');
  if ([...description].length > DESCRIPTION_MAX)
    throw new UserFacingError('BAD_REQUEST', 'checks.error.descriptionTooLong', { max: DESCRIPTION_MAX });
  const plain = description.normalize('NFKC');
  if (ID_NUMBER.test(plain) || MOBILE.test(plain))
    throw new UserFacingError('BAD_REQUEST', 'checks.error.personalData');

  const attachmentRef = draft.attachmentRef?.trim() || null;
  if (attachmentRef && [...attachmentRef].length > ATTACHMENT_REF_MAX)
    throw new UserFacingError('BAD_REQUEST', 'checks.error.attachmentRefTooLong', { max: ATTACHMENT_REF_MAX });
  return { kind: draft.kind, level, occurredOn, description, attachmentRef };
}
