import { defineMessages } from './define.ts';

/** Register (台帐) screens. */
export const registersMessages = defineMessages({
  zh: {
    'nav.registers': '台帐',
  },
  en: {
    'nav.registers': 'Registers',
  },
});
