import { addDays, idCheckCharacter, type CivilDate } from '@tally/casework';
import type { DemoRandom } from './demo-random.ts';

/*
 * Fake people of the demo county. Nothing here is a real person: names are drawn from
 * common surnames and given-name characters, ID numbers carry the county's area code and a
 * correct GB 11643 check character (so every validator accepts them), mobiles use real
 * carrier prefixes with random line numbers.
 */

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹';
const GIVEN_MALE = '建国志强伟军海涛明亮华东刚勇峰磊超斌辉杰永胜红卫德福春生文博振兴国庆树林金山长江保平立新宝玉';
const GIVEN_FEMALE = '秀英桂兰玉梅凤霞丽娟淑珍红艳春燕美玲翠花晓静海燕文静丽萍雪梅桂芳建华秀芝小红慧敏';
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '177',
  '180',
  '182',
  '183',
  '185',
  '186',
  '187',
  '189',
  '199',
];

export interface DemoPerson {
  name: string;
  gender: 'male' | 'female';
  birthDate: CivilDate;
  idNumber: string;
  phone: string;
}

export function personName(
  random: DemoRandom,
  gender: 'male' | 'female' = random.chance(0.55) ? 'male' : 'female',
): string {
  const pool = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const given = random.chance(0.75)
    ? pool[random.int(0, pool.length - 1)]! + pool[random.int(0, pool.length - 1)]!
    : pool[random.int(0, pool.length - 1)]!;
  return SURNAMES[random.int(0, SURNAMES.length - 1)]! + given;
}

/** An 18-character ID number of someone born in the county: area code, birth date, sequence (odd = male), check character. */
export function idNumberFor(
  random: DemoRandom,
  countyCode: string,
  birthDate: CivilDate,
  gender: 'male' | 'female',
): string {
  const serial = random.int(0, 49) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${countyCode}${birthDate.replace(/-/g, '')}${String(random.int(0, 9))}${String(serial).padStart(2, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export function mobileNumber(random: DemoRandom): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

/** An adult of 20 to 80 at `today`. */
export function person(random: DemoRandom, countyCode: string, today: CivilDate): DemoPerson {
  const gender = random.chance(0.55) ? 'male' : 'female';
  const birthDate = addDays(today, -random.int(20 * 365, 80 * 365));
  return {
    name: personName(random, gender),
    gender,
    birthDate,
    idNumber: idNumberFor(random, countyCode, birthDate, gender),
    phone: mobileNumber(random),
  };
}

/** "1968年3月出生": how an agreement describes a party without printing the ID number twice. */
export function birthMonthText(birthDate: CivilDate): string {
  return `${Number(birthDate.slice(0, 4))}年${Number(birthDate.slice(5, 7))}月出生`;
}

/** A house address in a village of the county: 河北省清河县桃园镇东庄村3组27号. */
export function villageAddress(
  random: DemoRandom,
  countyName: string,
  townshipName: string,
  villageName: string,
): string {
  const street = villageName.endsWith('社区')
    ? `${random.pick(['建设路', '育红街', '油坊街', '长江路', '武松路'])}${random.int(1, 199)}号`
    : `${random.int(1, 8)}组${random.int(1, 80)}号`;
  return `河北省${countyName}${townshipName}${villageName}${street}`;
}
