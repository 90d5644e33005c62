import { unitLevelOf, type PetitionAction } from '@tally/casework';

/**
 * A workflow action from the detail page's form fields. Values are passed through as
 * typed; the procedure's zod schema and the state machine judge them, so a bad value
 * becomes the same refusal it would be over the API.
 */
export function workflowActionFromForm(field: (name: string) => string): PetitionAction | null {
  const type = field('type');
  switch (type) {
    case 'accept':
    case 'start':
    case 'archive':
      return { type };
    case 'refuse':
      return { type, reason: field('reason') };
    case 'assign':
      return {
        type,
        unitCode: field('unitCode'),
        person: field('person'),
        complexity: field('complexity') as 'simple' | 'general' | 'major',
      };
    case 'reply':
      return { type, method: field('method') as 'phone' | 'letter' | 'in_person', content: field('content') };
    case 'revisit':
      return { type, satisfaction: field('satisfaction') as 'satisfied' | 'basically' | 'not' };
    case 'escalate': {
      const toUnitCode = field('toUnitCode');
      // The level follows from the code; an impossible code falls to the state machine's own check.
      return { type, toUnitCode, toLevel: unitLevelOf(toUnitCode) ?? 'county', reason: field('reason') };
    }
    default:
      return null;
  }
}
