import { defineMessages } from './define.ts';

/** The home page's to-do panel. */
export const homeMessages = defineMessages({
  zh: {
    'home.todo': '待办提醒',
    'home.todo.overdue': '逾期未办结的信访件',
    'home.todo.dueSoon': '即将到期的信访件',
    'home.todo.flagged': '挂牌督办的信访件',
    'home.todo.count': '{count} 件',
  },
  en: {
    'home.todo': 'To do',
    'home.todo.overdue': 'Petition cases past their deadline',
    'home.todo.dueSoon': 'Petition cases due soon',
    'home.todo.flagged': 'Cases under flagged supervision',
    'home.todo.count': '{count}',
  },
});
