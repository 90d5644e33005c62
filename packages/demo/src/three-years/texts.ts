/* Words the three-year data set adds to the demo's: names of parties and what each kind of dispute is about. */

export const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  );

export const GIVEN_NAMES = [
  '建国',
  '建华',
  '国强',
  '志强',
  '秀英',
  '桂英',
  '玉兰',
  '丽娟',
  '海燕',
  '红梅',
  '春生',
  '德明',
  '永刚',
  '晓东',
  '文博',
  '淑珍',
  '凤霞',
  '少华',
  '立新',
  '子涵',
  '雨轩',
  '浩然',
  '明轩',
  '宇航',
  '俊杰',
  '丽华',
  '金凤',
  '保国',
  '振华',
  '秀兰',
];

/** What a dispute of each type (the disputes register's dispute_type codes) is about, in the register's words. */
export const DISPUTE_MATTERS: Readonly<Record<string, readonly string[]>> = {
  marriage_family: ['赡养老人费用分担', '夫妻感情不和', '子女抚养', '分家析产'],
  neighbours: ['宅基地界址', '排水沟走向', '院墙及滴水', '通行道路', '树木遮挡采光'],
  compensation: ['交通事故赔偿', '家畜伤人赔偿', '施工损坏房屋赔偿'],
  labour: ['农民工工资拖欠', '务工受伤赔偿'],
  property_management: ['物业费收缴', '小区停车位'],
  land: ['土地承包经营权', '土地流转租金', '地头界限'],
  forest_rights: ['林地界限', '林木采伐收益'],
  requisition: ['征地补偿款分配', '拆迁安置'],
  other: ['合伙经营收益分配', '借款归还'],
};
