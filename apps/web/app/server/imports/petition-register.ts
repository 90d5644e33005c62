/**
 * Petitions (信访登记) as an importable register: the columns of a clerk's historic
 * petition ledger, mapped onto the intake of `cases.register`. The allowed values are the
 * case vocabularies themselves (CASE_CHANNELS, CASE_CATEGORIES): the label records below
 * are keyed by them, so a value added there and not labelled here is a compile error.
 * The first label of each value is the one the case screens show (i18n cases.*); the
 * others are spellings seen in villages' ledgers.
 */
import type { EnumOption, FieldDef, RegisterDef } from '@tally/imports';
import { CASE_CATEGORIES, CASE_CHANNELS, type CaseCategory, type CaseChannel } from '../../lib/case-vocabulary.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { en } from '../../i18n/en.ts';

const CHANNEL_ALIASES: Readonly<Record<CaseChannel, string[]>> = {
  letter: ['信件', '写信'],
  visit: ['走访', '上访'],
  phone: ['电话'],
  online: ['网上', '网信', '网络'],
  assigned_from_above: ['交办', '上级转办'],
  reception_day: ['领导接访', '接访日'],
};

const CATEGORY_ALIASES: Readonly<Record<CaseCategory, string[]>> = {
  land_requisition: ['征地', '土地征收'],
  demolition: ['拆迁', '征迁'],
  enterprise_restructuring: ['改制'],
  labour_social_security: ['劳动保障', '社保', '劳动和社会保障'],
  law_litigation: ['涉法', '涉诉'],
  special_care_relief: ['优抚', '救济', '社会救助'],
  environment: ['环保', '环境'],
  education: ['教育问题'],
  village_finances: ['村务', '村财', '村务公开'],
  migrant_wages: ['欠薪', '拖欠工资', '讨薪'],
  construction_payments: ['工程欠款', '拖欠工程款'],
  resource_rights: ['山林权属', '矿山权属', '滩涂权属', '林权'],
  other: ['其它'],
};

function options<T extends string>(values: readonly T[], prefix: 'cases.channel' | 'cases.category', aliases: Readonly<Record<T, string[]>>): EnumOption[] {
  return values.map((value) => {
    const key = `${prefix}.${value}` as keyof typeof zhCN;
    return { value, labels: [zhCN[key], ...aliases[value]], labelEn: en[key] };
  });
}

/** A yes/no column of the ledger; an empty cell means no. */
function flag(key: string, label: string, labelEn: string, aliases: string[]): FieldDef {
  return {
    key, label, labelEn, aliases, type: 'enum', required: false, defaultValue: 'no',
    enum: [
      { value: 'yes', labels: ['是', '√', 'Y', '有'], labelEn: 'Yes' },
      { value: 'no', labels: ['否', '×', 'N', '无'], labelEn: 'No' },
    ],
  };
}

export const PETITION_REGISTER: RegisterDef = {
  key: 'petitions',
  label: '信访登记',
  labelEn: 'Petitions',
  fields: [
    { key: 'receivedOn', label: '登记日期', labelEn: 'Received on', aliases: ['来信来访日期', '信访日期', '来访日期', '来信日期', '收件日期', '日期', '登记时间'], type: 'date', required: true },
    { key: 'channel', label: '信访方式', labelEn: 'Channel', aliases: ['信访形式', '来源', '方式', '渠道'], type: 'enum', required: true, enum: options(CASE_CHANNELS, 'cases.channel', CHANNEL_ALIASES) },
    { key: 'petitionerName', label: '信访人', labelEn: 'Petitioner', aliases: ['信访人姓名', '姓名', '来访人', '反映人'], type: 'text', required: true, personal: true },
    { key: 'petitionerIdNumber', label: '身份证号', labelEn: 'ID number', aliases: ['身份证号码', '公民身份号码'], type: 'id_number', required: false, personal: true },
    { key: 'petitionerPhone', label: '联系电话', labelEn: 'Phone', aliases: ['电话', '手机', '联系方式'], type: 'phone', required: false, personal: true },
    { key: 'petitionerAddress', label: '住址', labelEn: 'Address', aliases: ['家庭住址', '地址', '住所'], type: 'text', required: false, personal: true, masking: 'address' },
    // 5 or more make a collective petition (集体访), derived by the casework from the count.
    { key: 'peopleCount', label: '人数', labelEn: 'People', aliases: ['来访人数', '信访人数'], type: 'int', required: false, min: 1, max: 100_000, defaultValue: 1 },
    flag('skipLevel', '是否越级', 'Skip-level', ['越级', '越级访']),
    flag('repeatPetition', '是否重复访', 'Repeat', ['重复访', '是否重复', '重复信访']),
    { key: 'category', label: '问题类别', labelEn: 'Category', aliases: ['问题分类', '类别', '信访类别', '反映问题类别'], type: 'enum', required: true, enum: options(CASE_CATEGORIES, 'cases.category', CATEGORY_ALIASES) },
    // The petitioner's own story: withheld whole outside the units working on the case (§8).
    { key: 'summary', label: '主要诉求', labelEn: 'Summary', aliases: ['诉求', '反映问题', '主要内容', '信访事项', '简要情况'], type: 'text', required: true, long: true, personal: true, masking: 'free-text' },
  ],
};
