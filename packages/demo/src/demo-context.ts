import {
  addMonths,
  chinaCalendar2026,
  isWithin,
  shanghaiDate,
  unitLevelOf,
  type CivilDate,
  type Role,
  type WorkCalendar,
} from '@tally/casework';
import type { UnitLevel } from '@tally/db/schema';
import { personName } from './demo-people.ts';
import type { DemoRandom } from './demo-random.ts';
import type { CountySpec } from '@tally/db/provision';

/** Named people who sign a unit's registers month after month: the same names recur, as in a real ledger. */
export interface UnitStaff {
  /** 书记/主任 (or 乡镇分管领导) who chairs meetings and leads the duty. */
  head: string;
  /** 调委会主任: mediates and investigates. */
  mediator: string;
  /** 网格员、治保委员 and clerks who keep the sheets. */
  clerks: string[];
}

export interface DemoUnit {
  code: string;
  name: string;
  level: UnitLevel;
  /** The township a village belongs to; a township's own; null for the county. */
  township: { code: string; name: string } | null;
  staff: UnitStaff;
}

export interface DemoUser {
  id: string;
  loginName: string;
  role: Role;
  unitCode: string;
}

export interface DemoContext {
  countyId: number;
  /** 6-digit county part of the division code. */
  countyCode: string;
  countyName: string;
  now: Date;
  /** `now` as a civil date in Asia/Shanghai; nothing is dated after it. */
  today: CivilDate;
  /** First day of the history: six months before today for the demo, three years for the bench's data set. */
  start: CivilDate;
  calendar: WorkCalendar;
  random: DemoRandom;
  units: DemoUnit[];
  users: DemoUser[];
  /** The user who keeps the unit's sheets: its own clerk, else the nearest unit above with one. */
  keeperOf(unitCode: string): DemoUser;
}

export function demoContext(
  spec: CountySpec,
  users: DemoUser[],
  now: Date,
  random: DemoRandom,
  months = 6,
): DemoContext {
  const today = shanghaiDate(now);
  const names = new Map(spec.units.map((unit) => [unit.code, unit.name]));
  const units: DemoUnit[] = spec.units.map((unit) => {
    const townshipCode = unit.level === 'village' ? unit.parentCode! : unit.level === 'township' ? unit.code : null;
    const staff = {
      head: personName(random),
      mediator: personName(random),
      clerks: [personName(random), personName(random), personName(random)],
    };
    return {
      code: unit.code,
      name: unit.name,
      level: unit.level,
      township: townshipCode ? { code: townshipCode, name: names.get(townshipCode)! } : null,
      staff,
    };
  });
  // Deepest unit first, so the first covering user is the closest one.
  const depth = (code: string) => ({ county: 0, township: 1, village: 2 })[unitLevelOf(code) ?? 'county'];
  const byDepth = [...users].sort((a, b) => depth(b.unitCode) - depth(a.unitCode));
  const handling = byDepth.filter((user) => ['county_staff', 'township_staff', 'village_staff'].includes(user.role));
  const keepers = new Map<string, DemoUser>();
  return {
    countyId: spec.countyId,
    countyCode: spec.code,
    countyName: spec.name,
    now,
    today,
    start: addMonths(today, -months),
    // The county has not edited its calendar: the API would read the shipped national one.
    calendar: chinaCalendar2026(),
    random,
    units,
    users,
    keeperOf(unitCode) {
      let keeper = keepers.get(unitCode);
      if (!keeper) {
        keeper = handling.find((user) => isWithin(unitCode, user.unitCode));
        if (!keeper) throw new Error(`no user covers ${unitCode}`);
        keepers.set(unitCode, keeper);
      }
      return keeper;
    },
  };
}
