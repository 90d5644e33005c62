import { defineMessages } from './define.ts';

/** The home page's to-do panel. */
export const homeMessages = defineMessages({
  zh: {
    'home.todo': '待办提醒',
    'home.todo.overdue': '逾期未办结的信访件',
    'home.todo.dueSoon': '即将到期的信访件',
    'home.todo.flagged': '挂牌督办的信访件',
    'home.todo.count': '{count} 件',
    'home.todo.mine': '待本单位办理的信访件',
    'home.todo.mineNone': '本单位暂无待办信访件。',
    'home.todo.mineAll': '查看全部 {count} 件',
  },
  en: {
    'home.todo': 'To do',
    'home.todo.overdue': 'Petition cases past their deadline',
    'home.todo.dueSoon': 'Petition cases due soon',
    'home.todo.flagged': 'Cases under flagged supervision',
    'home.todo.count': '{count}',
    'home.todo.mine': 'Petition cases waiting on your unit',
    'home.todo.mineNone': 'No petition case is waiting on your unit.',
    'home.todo.mineAll': 'All {count}',
  },
});
