/**
 * 2026 PRC public holidays and make-up working days (国务院办公厅 2026 年部分节假日安排).
 *
 * This is data, not logic: a county can edit it (local arrangements, a corrected notice)
 * and must add next year's list when the State Council publishes it each November.
 * Whole holiday periods are listed, weekend days included, so the list reads like the notice.
 */
import type { WorkCalendar } from './calendar.ts';

export function chinaCalendar2026(): WorkCalendar {
  return {
    holidays: [
      // 元旦 New Year: Thu Jan 1 – Sat Jan 3.
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      // 春节 Spring Festival: Sun Feb 15 – Mon Feb 23.
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      // 清明 Qingming: Sat Apr 4 – Mon Apr 6.
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      // 劳动节 Labour Day: Fri May 1 – Tue May 5.
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      // 端午 Dragon Boat: Fri Jun 19 – Sun Jun 21.
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      // 中秋 Mid-Autumn: Fri Sep 25 – Sun Sep 27.
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      // 国庆 National Day: Thu Oct 1 – Wed Oct 7.
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    makeupWorkdays: [
      '2026-01-04', // Sun, for 元旦
      '2026-02-14', // Sat, for 春节
      '2026-02-28', // Sat, for 春节
      '2026-05-09', // Sat, for 劳动节
      '2026-09-20', // Sun, for 国庆
      '2026-10-10', // Sat, for 国庆
    ],
  };
}
