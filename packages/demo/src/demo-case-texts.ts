/* What the demo's petitioners write about, per category of docs/domain.md §3 (the codes of @tally/casework's case vocabulary). */
import type { CaseCategory } from '@tally/casework';

export const CASE_SUMMARIES: Readonly<Record<CaseCategory, ReadonlyArray<(place: string) => string>>> = {
  land_requisition: [
    (place) => `反映${place}部分耕地被省道改建工程征用，青苗补偿款至今未发放到户，要求尽快兑现。`,
    (place) => `反映${place}土地征收补偿款分配方案未经村民代表会议讨论，对分配结果有异议。`,
  ],
  demolition: [(place) => `反映${place}旧村改造中其房屋评估面积少算，补偿标准偏低，要求重新评估。`],
  enterprise_restructuring: [() => '原县棉纺厂改制职工反映改制时经济补偿金计算年限有误，要求补足差额。'],
  labour_social_security: [
    () => '反映在县城某企业工作三年，单位未为其缴纳养老保险，要求补缴。',
    () => '反映其父亲失地农民养老保险待遇未按时发放，要求核查。',
  ],
  law_litigation: [() => '对法院民间借贷案件判决执行进度不满，反映被执行人有财产但迟迟未执行到位。'],
  special_care_relief: [
    (place) => `${place}退役军人反映其优抚待遇未按新标准发放，要求落实。`,
    (place) => `反映${place}困难家庭低保申请被取消，认为评议不公，要求复核。`,
  ],
  environment: [
    (place) => `反映${place}附近养殖场粪污直排坑塘，夏季臭味严重，要求整治。`,
    (place) => `反映${place}村北小作坊夜间生产噪音扰民、粉尘污染。`,
  ],
  education: [(place) => `反映${place}学生上学路途远，校车接送线路调整后孩子无车可坐，要求恢复原线路。`],
  village_finances: [
    (place) => `${place}部分村民反映村集体坑塘承包费收支未公开，要求村务公开并进行审计。`,
    (place) => `反映${place}村集体机动地发包程序不规范，怀疑存在优亲厚友。`,
  ],
  migrant_wages: [
    () => '农民工反映在县城某住宅项目务工，包工头拖欠工资，春节前后多次讨要未果。',
    () => '反映在某建材厂打零工期间工资被克扣，老板以产品质量问题为由拒付。',
  ],
  construction_payments: [(place) => `反映承建${place}村内道路硬化工程已验收，工程尾款至今未结清，要求支付。`],
  resource_rights: [(place) => `反映${place}与邻村交界处一片林地权属不清，邻村村民擅自砍伐林木。`],
  other: [
    (place) => `反映${place}主街路灯长期不亮，夜间出行不便，多次向村里反映未解决。`,
    () => '咨询农村宅基地审批政策，反映申请材料提交后长时间无答复。',
  ],
};

export const CATEGORY_WEIGHTS: ReadonlyArray<readonly [CaseCategory, number]> = [
  ['land_requisition', 14],
  ['village_finances', 12],
  ['migrant_wages', 11],
  ['labour_social_security', 9],
  ['environment', 9],
  ['special_care_relief', 8],
  ['demolition', 6],
  ['construction_payments', 6],
  ['law_litigation', 6],
  ['other', 8],
  ['resource_rights', 4],
  ['education', 4],
  ['enterprise_restructuring', 3],
];

export const REFUSAL_REASONS = [
  '该事项已进入诉讼程序，应当通过法定途径解决，已告知信访人',
  '反映事项不属于本机关职权范围，已告知向有权处理的机关提出',
  '同一事项已依法办结并经复查、复核，不再重新受理',
  '信访人未提供具体事实和诉求，经告知补充后仍未补充',
] as const;

export const REPLY_CONTENTS = [
  '经调查核实，已协调相关部门落实，信访人表示认可。',
  '经核查，反映问题部分属实，已责成责任单位限期整改，整改结果已告知信访人。',
  '已依据相关政策作出答复，并向信访人解释了政策依据和救济途径。',
  '经多方协调，双方达成一致意见，款项已于近日兑付到位。',
  '经核实反映问题不属实，已向信访人说明情况并做好思想疏导。',
] as const;

export const ESCALATION_REASONS = {
  township: ['涉及跨村土地权属，村级无法调处，提请镇里办理', '涉及金额较大，村级调处未果，提级办理'],
  county: ['涉及县直部门职能，需县级统筹协调', '群体性苗头明显，提请县级领导包案'],
} as const;

export const LEAD_LEADER_TITLES = {
  county: ['县委常委、政法委书记', '副县长', '县委常委、常务副县长'],
  township: ['镇党委书记', '镇党委副书记、镇长', '镇党委副书记（分管政法）'],
} as const;

export const SUPERVISING_UNITS = ['县委政法委', '县信访局', '县委督查室'] as const;
