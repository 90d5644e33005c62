import type { CheckingEventKind, InspectionComponent } from '@tally/db/assessment';
import { isMessageKey, type MessageKey } from '../i18n/index.ts';

/*
 * Message keys of the assessment vocabulary. The template types make these compile only while
 * every component and kind has its label in i18n/features/checks.ts.
 */

export const componentLabelKey = (component: InspectionComponent): MessageKey => `checks.component.${component}`;

export const kindLabelKey = (kind: CheckingEventKind): MessageKey => `checks.kind.${kind}`;

/** Levels are plain strings in the vocabulary: null for one without a label (a unit test keeps there being none). */
export function levelLabelKey(kind: string, level: string): MessageKey | null {
  const key = `checks.level.${kind}.${level}`;
  return isMessageKey(key) ? key : null;
}
