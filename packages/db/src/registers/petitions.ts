/**
 * Petitions (信访登记) as an importable register: the columns of a clerk's historic
 * petition ledger, mapped onto the intake of `cases.register`. The allowed values, their
 * labels and the other spellings seen in villages' ledgers are the case vocabulary itself
 * (packages/casework/src/case-vocabulary.ts): the first label of each value is the one the
 * case screens show.
 */
import type { EnumOption, FieldDef, RegisterDef } from '@tally/imports/types';
import { CASE_CATEGORIES, CASE_CHANNELS, CATEGORY_TERMS, CHANNEL_TERMS, type Term } from '@tally/casework';

function options<Code extends string>(codes: readonly Code[], terms: Readonly<Record<Code, Term>>): EnumOption[] {
  return codes.map((value) => ({
    value,
    labels: [terms[value].zh, ...(terms[value].aliases ?? [])],
    labelEn: terms[value].en,
  }));
}

/** A yes/no column of the ledger; an empty cell means no. */
function flag(key: string, label: string, labelEn: string, aliases: string[]): FieldDef {
  return {
    key,
    label,
    labelEn,
    aliases,
    type: 'enum',
    required: false,
    defaultValue: 'no',
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
    {
      key: 'receivedOn',
      label: '登记日期',
      labelEn: 'Received on',
      aliases: ['来信来访日期', '信访日期', '来访日期', '来信日期', '收件日期', '日期', '登记时间'],
      type: 'date',
      required: true,
      notFuture: true,
    },
    {
      key: 'channel',
      label: '信访方式',
      labelEn: 'Channel',
      aliases: ['信访形式', '来源渠道', '来源', '方式', '渠道'],
      type: 'enum',
      required: true,
      enum: options(CASE_CHANNELS, CHANNEL_TERMS),
    },
    {
      key: 'petitionerName',
      label: '信访人',
      labelEn: 'Petitioner',
      aliases: ['信访人姓名', '姓名', '来访人', '反映人'],
      type: 'text',
      required: true,
      personal: true,
    },
    {
      key: 'petitionerIdNumber',
      label: '身份证号',
      labelEn: 'ID number',
      aliases: ['身份证号码', '公民身份号码'],
      type: 'id_number',
      required: false,
      personal: true,
    },
    {
      key: 'petitionerPhone',
      label: '联系电话',
      labelEn: 'Phone',
      aliases: ['电话', '手机', '联系方式'],
      type: 'phone',
      required: false,
      personal: true,
    },
    {
      key: 'petitionerAddress',
      label: '住址',
      labelEn: 'Address',
      aliases: ['家庭住址', '地址', '住所'],
      type: 'text',
      required: false,
      personal: true,
      masking: 'address',
    },
    // 5 or more make a collective petition (集体访), derived by the casework from the count.
    {
      key: 'peopleCount',
      label: '人数',
      labelEn: 'People',
      aliases: ['来访人数', '信访人数'],
      type: 'int',
      required: false,
      min: 1,
      max: 100_000,
      defaultValue: 1,
    },
    flag('skipLevel', '是否越级', 'Skip-level', ['越级', '越级访']),
    flag('repeatPetition', '是否重复访', 'Repeat', ['重复访', '是否重复', '重复信访']),
    {
      key: 'category',
      label: '问题类别',
      labelEn: 'Category',
      aliases: ['问题分类', '类别', '信访类别', '反映问题类别'],
      type: 'enum',
      required: true,
      enum: options(CASE_CATEGORIES, CATEGORY_TERMS),
    },
    // The petitioner's own story: withheld whole outside the units working on the case (§8).
    {
      key: 'summary',
      label: '主要诉求',
      labelEn: 'Summary',
      aliases: ['诉求', '反映问题', '主要内容', '信访事项', '简要情况', '内容摘要', '摘要', '来信来访内容'],
      type: 'text',
      required: true,
      long: true,
      personal: true,
      masking: 'free-text',
    },
  ],
};

/**
 * What the petition import reads: the ledger's columns plus 案件编号, which only the app's
 * own case export carries. A row with a case number names a case that exists; the commit
 * never creates a second one for it (docs/decisions/0016-petition-export-round-trip.md).
 * The field comes last and is empty in every ledger, so ledger rows keep their
 * fingerprints (docs/decisions/0008-fingerprints-without-empty-fields.md).
 */
export const PETITION_IMPORT_REGISTER: RegisterDef = {
  ...PETITION_REGISTER,
  fields: [
    ...PETITION_REGISTER.fields,
    {
      key: 'caseNumber',
      label: '案件编号',
      labelEn: 'Case number',
      aliases: ['信访件编号'],
      type: 'text',
      required: false,
    },
  ],
};
