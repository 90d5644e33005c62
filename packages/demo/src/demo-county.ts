import { Faker, zh_CN, base } from '@faker-js/faker';
import type { CountySpec, UnitSpec, UserSpec } from '@tally/db/provision';

export const DEMO_PASSWORD = 'Tally@2026';
const DEMO_SEED = 20261123;

const TOWNSHIP_NAMES = [
  '城关镇',
  '桃园镇',
  '青石镇',
  '柳河镇',
  '双庙乡',
  '白马乡',
  '南湖街道',
  '北关街道',
  '王庄镇',
  '李集乡',
  '东岗镇',
  '西坡乡',
];
const VILLAGE_SYLLABLES =
  '东西南北前后上下大小新老张王李赵刘陈杨黄周吴徐孙马朱胡林高何郭罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  );
const VILLAGE_SUFFIXES = ['庄', '营', '屯', '集', '寨', '楼', '桥', '店', '湾', '岗'];

export interface DemoOptions {
  countyId: number;
  code: string;
  name: string;
  townships: number;
  villagesPerTownship: number;
  loginPrefix?: string;
  seed?: number;
}

/**
 * A deterministic county with statistical codes shaped like the real ones:
 * towns 1xx, townships 2xx, streets 0xx at the township level; village
 * committees 2xx and communities 0xx below them.
 */
export function buildCountySpec(options: DemoOptions): CountySpec {
  const faker = new Faker({ locale: [zh_CN, base] });
  faker.seed(options.seed ?? DEMO_SEED);
  const prefix = options.loginPrefix ?? '';
  const countyCode = `${options.code}000000`;
  const units: UnitSpec[] = [{ code: countyCode, name: options.name, level: 'county', parentCode: null }];
  const usedVillageNames = new Set<string>();
  const users: UserSpec[] = [];
  const person = () => `${faker.person.lastName()}${faker.person.firstName()}`;

  const countyRoles = [
    ['admin', 'county_admin'],
    ['staff', 'county_staff'],
    ['secadmin', 'security_admin'],
    ['auditor', 'auditor'],
  ] as const;
  for (const [login, role] of countyRoles) {
    users.push({
      loginName: `${prefix}${login}`,
      displayName: person(),
      role,
      unitCode: countyCode,
      password: DEMO_PASSWORD,
    });
  }

  for (let t = 0; t < options.townships; t++) {
    const townshipName = TOWNSHIP_NAMES[t % TOWNSHIP_NAMES.length]! + (t >= TOWNSHIP_NAMES.length ? String(t) : '');
    const townshipSerial = townshipName.endsWith('街道') ? 1 + t : townshipName.endsWith('乡') ? 200 + t : 100 + t;
    const townshipCode = `${options.code}${String(townshipSerial).padStart(3, '0')}000`;
    units.push({
      code: townshipCode,
      name: townshipName,
      level: 'township',
      parentCode: `${townshipCode.slice(0, 6)}000000`,
    });
    const townshipIndex = String(t + 1).padStart(2, '0');
    users.push({
      loginName: `${prefix}zhen${townshipIndex}`,
      displayName: person(),
      role: 'township_staff',
      unitCode: townshipCode,
      password: DEMO_PASSWORD,
    });

    for (let v = 0; v < options.villagesPerTownship; v++) {
      const isCommunity = townshipName.endsWith('街道');
      const villageSerial = isCommunity ? 1 + v : 201 + v;
      const villageCode = `${townshipCode.slice(0, 9)}${String(villageSerial).padStart(3, '0')}`;
      let villageName: string;
      do {
        villageName =
          faker.helpers.arrayElement(VILLAGE_SYLLABLES) +
          faker.helpers.arrayElement(VILLAGE_SUFFIXES) +
          (isCommunity ? '社区' : '村');
      } while (usedVillageNames.has(villageName) && usedVillageNames.size < 2000);
      if (usedVillageNames.has(villageName)) villageName = `${villageName}${v}`;
      usedVillageNames.add(villageName);
      units.push({ code: villageCode, name: villageName, level: 'village', parentCode: townshipCode });
      // One clerk for the first two villages of each township keeps the demo small.
      if (v < 2) {
        users.push({
          loginName: `${prefix}cun${townshipIndex}${String(v + 1).padStart(2, '0')}`,
          displayName: person(),
          role: 'village_staff',
          unitCode: villageCode,
          password: DEMO_PASSWORD,
        });
      }
    }
  }
  return { countyId: options.countyId, code: options.code, name: options.name, units, users };
}

/** The demo county `npm start` loads: 12 townships × 15 villages. */
export function demoCountySpec(): CountySpec {
  return buildCountySpec({ countyId: 1, code: '130534', name: '清河县', townships: 12, villagesPerTownship: 15 });
}
