/**
 * The registers (台帐) of DOMAIN.md §2 as data. Import, validation and export read these
 * definitions; adding a column a county needs is a change here, not in the parsers.
 *
 * `aliases` are other header spellings seen in villages' own sheets. Matching is
 * exact label → alias → normalised (see header-mapping.ts), so aliases only need the
 * distinct words, not every full-width/parenthesised variant.
 */

export type FieldType = 'date' | 'text' | 'int' | 'enum' | 'id_number' | 'phone';

export interface EnumOption {
  /** Canonical value stored in the database. */
  value: string;
  /** Chinese labels accepted in a cell; the first one is used when exporting. */
  labels: string[];
}

export interface FieldDef {
  key: string;
  label: string;
  aliases: string[];
  type: FieldType;
  required: boolean;
  enum?: EnumOption[];
  /** Lower bound for 'int' (default 0: counts are never negative). */
  min?: number;
  /** Value used when an optional cell is empty (e.g. adopted level → 'none'). */
  defaultValue?: string | number;
}

export type RegisterKey =
  | 'petitions'
  | 'disputes'
  | 'mediation_files'
  | 'investigation_rounds'
  | 'meetings'
  | 'duty_log'
  | 'publicity'
  | 'info_submissions'
  | 'hazard_checks';

export interface RegisterDef {
  key: RegisterKey;
  label: string;
  labelEn: string;
  fields: FieldDef[];
}

// Aliases shared by most registers' date column.
const DATE_ALIASES = ['日期', '时间', '登记日期', '登记时间', '记录日期'];

const YES_NO: EnumOption[] = [
  { value: 'yes', labels: ['是', '有', 'Y', '√'] },
  { value: 'no', labels: ['否', '无', 'N', '×'] },
];

const PETITIONS: RegisterDef = {
  key: 'petitions',
  label: '信访登记',
  labelEn: 'Petitions',
  fields: [
    { key: 'case_no', label: '案件编号', aliases: ['编号', '信访件编号', '登记编号'], type: 'text', required: false },
    { key: 'received_at', label: '登记日期', aliases: ['来信来访日期', '来访日期', '受理日期', '日期', '时间', '信访日期'], type: 'date', required: true },
    {
      key: 'channel', label: '信访方式', aliases: ['渠道', '来源', '信访形式', '方式'], type: 'enum', required: true,
      enum: [
        { value: 'letter', labels: ['来信'] },
        { value: 'visit', labels: ['来访'] },
        { value: 'phone', labels: ['来电', '电话'] },
        { value: 'online', labels: ['网上信访', '网上', '网信'] },
        { value: 'assigned', labels: ['上级交办', '交办'] },
        { value: 'reception_day', labels: ['领导接访日', '领导接访'] },
      ],
    },
    { key: 'petitioner_name', label: '信访人', aliases: ['姓名', '信访人姓名', '来访人'], type: 'text', required: true },
    { key: 'id_number', label: '身份证号', aliases: ['身份证号码', '公民身份号码', '身份证'], type: 'id_number', required: false },
    { key: 'phone', label: '联系电话', aliases: ['电话', '手机', '手机号', '联系方式'], type: 'phone', required: false },
    { key: 'address', label: '住址', aliases: ['地址', '家庭住址', '现住址'], type: 'text', required: false },
    { key: 'people_count', label: '人数', aliases: ['来访人数', '信访人数'], type: 'int', required: false, min: 1, defaultValue: 1 },
    { key: 'skip_level', label: '是否越级', aliases: ['越级', '越级访'], type: 'enum', required: false, enum: YES_NO, defaultValue: 'no' },
    { key: 'repeat', label: '是否重复访', aliases: ['重复访', '重复'], type: 'enum', required: false, enum: YES_NO, defaultValue: 'no' },
    {
      key: 'category', label: '问题类别', aliases: ['类别', '类型', '信访类别', '问题分类'], type: 'enum', required: true,
      enum: [
        { value: 'land_requisition', labels: ['土地征用', '征地'] },
        { value: 'demolition', labels: ['房屋拆迁', '拆迁'] },
        { value: 'enterprise_restructuring', labels: ['企业改制'] },
        { value: 'labour_social_security', labels: ['劳动社保', '劳动和社会保障'] },
        { value: 'law_litigation', labels: ['涉法涉诉'] },
        { value: 'care_relief', labels: ['优抚救济'] },
        { value: 'environment', labels: ['环境保护', '环保'] },
        { value: 'education', labels: ['教育'] },
        { value: 'village_finances', labels: ['村财村务', '村务'] },
        { value: 'migrant_wages', labels: ['农民工工资', '欠薪'] },
        { value: 'construction_payments', labels: ['工程款'] },
        { value: 'resource_rights', labels: ['山林矿山滩涂权属', '山林权属'] },
        { value: 'other', labels: ['其他', '其它'] },
      ],
    },
    { key: 'summary', label: '主要诉求', aliases: ['反映问题', '内容摘要', '信访事项', '诉求', '主要内容'], type: 'text', required: true },
  ],
};

const DISPUTES: RegisterDef = {
  key: 'disputes',
  label: '矛盾纠纷排查调处',
  labelEn: 'Disputes',
  fields: [
    { key: 'found_at', label: '排查日期', aliases: [...DATE_ALIASES, '发现日期', '受理日期'], type: 'date', required: true },
    {
      key: 'source', label: '纠纷来源', aliases: ['来源', '发现途径'], type: 'enum', required: false,
      enum: [
        { value: 'investigation', labels: ['排查', '排查发现'] },
        { value: 'visit', labels: ['来访', '群众来访'] },
        { value: 'referral', labels: ['转办', '移交', '上级交办'] },
      ],
    },
    {
      key: 'type', label: '纠纷类型', aliases: ['类型', '纠纷类别', '类别'], type: 'enum', required: true,
      enum: [
        { value: 'marriage_family', labels: ['婚姻家庭', '婚姻', '家庭'] },
        { value: 'neighbours', labels: ['邻里', '邻里纠纷'] },
        { value: 'compensation', labels: ['赔偿', '损害赔偿'] },
        { value: 'labour', labels: ['劳资', '劳资纠纷'] },
        { value: 'property_management', labels: ['物业', '物业纠纷'] },
        { value: 'land', labels: ['土地', '土地纠纷'] },
        { value: 'forest_rights', labels: ['林权', '山林'] },
        { value: 'requisition', labels: ['征迁', '征地拆迁'] },
        { value: 'other', labels: ['其他', '其它'] },
      ],
    },
    { key: 'parties', label: '当事人', aliases: ['纠纷当事人', '双方当事人', '涉及人员'], type: 'text', required: true },
    { key: 'party_id_number', label: '身份证号', aliases: ['身份证号码', '当事人身份证号', '公民身份号码'], type: 'id_number', required: false },
    { key: 'party_phone', label: '联系电话', aliases: ['电话', '手机', '联系方式'], type: 'phone', required: false },
    { key: 'summary', label: '纠纷简要情况', aliases: ['简要情况', '纠纷内容', '基本情况', '主要内容'], type: 'text', required: true },
    {
      key: 'severity', label: '纠纷等级', aliases: ['等级', '级别', '严重程度'], type: 'enum', required: true,
      enum: [
        { value: 'minor', labels: ['轻微'] },
        { value: 'ordinary', labels: ['一般'] },
        { value: 'major', labels: ['重大'] },
      ],
    },
    { key: 'mediator', label: '调解人', aliases: ['调解员', '承办人', '包案人'], type: 'text', required: false },
    {
      key: 'method', label: '调解方式', aliases: ['调处方式'], type: 'enum', required: false,
      enum: [
        { value: 'people', labels: ['人民调解'] },
        { value: 'administrative', labels: ['行政调解'] },
        { value: 'judicial', labels: ['司法调解'] },
      ],
    },
    { key: 'outcome', label: '调处结果', aliases: ['处理结果', '调解结果', '结果'], type: 'text', required: false },
    {
      key: 'revisit_class', label: '回访类别', aliases: ['纠纷类别等级', '回访等级'], type: 'enum', required: false,
      enum: [
        { value: '1', labels: ['一类', '1类', '1'] },
        { value: '2', labels: ['二类', '2类', '2'] },
        { value: '3', labels: ['三类', '3类', '3'] },
      ],
    },
  ],
};

const MEDIATION_FILES: RegisterDef = {
  key: 'mediation_files',
  label: '调解卷宗',
  labelEn: 'Mediation files',
  fields: [
    { key: 'date', label: '调解日期', aliases: [...DATE_ALIASES, '协议日期', '签订日期'], type: 'date', required: true },
    { key: 'file_no', label: '卷宗编号', aliases: ['编号', '协议书编号', '案号'], type: 'text', required: false },
    { key: 'parties', label: '当事人', aliases: ['双方当事人', '纠纷当事人'], type: 'text', required: true },
    { key: 'party_id_number', label: '身份证号', aliases: ['身份证号码', '公民身份号码'], type: 'id_number', required: false },
    { key: 'facts', label: '纠纷事实', aliases: ['基本事实', '纠纷简要情况'], type: 'text', required: false },
    { key: 'disputed_matters', label: '争议事项', aliases: ['争议焦点'], type: 'text', required: false },
    { key: 'agreement', label: '协议内容', aliases: ['达成协议内容', '调解协议'], type: 'text', required: true },
    { key: 'performance', label: '履行方式及期限', aliases: ['履行方式', '履行期限', '履行情况'], type: 'text', required: false },
    { key: 'mediator', label: '调解员', aliases: ['调解人', '主持人'], type: 'text', required: true },
    {
      key: 'result', label: '调解结果', aliases: ['结果'], type: 'enum', required: false,
      enum: [
        { value: 'success', labels: ['调解成功', '成功', '已调解'] },
        { value: 'failed', labels: ['调解不成', '调解失败', '失败', '未成功'] },
      ],
    },
  ],
};

const INVESTIGATION_ROUNDS: RegisterDef = {
  key: 'investigation_rounds',
  label: '排查记录',
  labelEn: 'Investigation rounds',
  fields: [
    { key: 'date', label: '排查日期', aliases: DATE_ALIASES, type: 'date', required: true },
    {
      key: 'scope', label: '排查类型', aliases: ['排查范围', '类型', '类别'], type: 'enum', required: true,
      enum: [
        { value: 'routine', labels: ['常规', '常规排查', '日常排查'] },
        { value: 'key_period', labels: ['重点时段', '节假日', '敏感时期', '重点时期'] },
        { value: 'special', labels: ['专项', '专项排查'] },
      ],
    },
    // 0 is a valid, required record: the 零报告 ("nothing found") must be on file.
    { key: 'findings_count', label: '排查发现数', aliases: ['发现问题数', '排查数', '发现数量', '矛盾纠纷数'], type: 'int', required: true, min: 0 },
    { key: 'investigator', label: '排查人', aliases: ['负责人', '参加人员', '排查人员'], type: 'text', required: false },
    { key: 'notes', label: '备注', aliases: ['情况说明', '排查情况'], type: 'text', required: false },
  ],
};

const MEETINGS: RegisterDef = {
  key: 'meetings',
  label: '会议记录',
  labelEn: 'Meetings',
  fields: [
    { key: 'date', label: '会议日期', aliases: [...DATE_ALIASES, '开会日期', '会议时间'], type: 'date', required: true },
    {
      key: 'kind', label: '会议类型', aliases: ['类型', '会议类别', '会议名称'], type: 'enum', required: true,
      enum: [
        { value: 'director_weekly', labels: ['主任例会', '周例会'] },
        { value: 'member_units_monthly', labels: ['成员单位例会', '月例会'] },
        { value: 'joint', labels: ['联席会议', '联席会'] },
      ],
    },
    { key: 'topic', label: '会议主题', aliases: ['议题', '主题', '会议内容'], type: 'text', required: false },
    { key: 'host', label: '主持人', aliases: ['主持'], type: 'text', required: false },
    { key: 'attendees', label: '参会人员', aliases: ['出席人员', '参加人员', '到会人员'], type: 'text', required: true },
    { key: 'absentees', label: '缺席人员', aliases: ['缺席', '请假人员', '未到人员'], type: 'text', required: false },
    { key: 'decisions', label: '会议决定', aliases: ['议定事项', '会议纪要'], type: 'text', required: false },
  ],
};

const DUTY_LOG: RegisterDef = {
  key: 'duty_log',
  label: '值班记录',
  labelEn: 'Duty log',
  fields: [
    { key: 'date', label: '值班日期', aliases: DATE_ALIASES, type: 'date', required: true },
    { key: 'leader', label: '带班领导', aliases: ['值班领导', '带班'], type: 'text', required: true },
    { key: 'staff', label: '值班人员', aliases: ['值班人', '值班员'], type: 'text', required: true },
    { key: 'events', label: '值班情况', aliases: ['值班事项', '事项', '记录', '来电来访情况'], type: 'text', required: false },
    { key: 'handling', label: '处理情况', aliases: ['处理结果', '处置情况'], type: 'text', required: false },
  ],
};

const PUBLICITY: RegisterDef = {
  key: 'publicity',
  label: '普法宣传记录',
  labelEn: 'Legal publicity',
  fields: [
    { key: 'date', label: '宣传日期', aliases: [...DATE_ALIASES, '活动日期'], type: 'date', required: true },
    {
      key: 'form', label: '宣传形式', aliases: ['形式', '活动形式', '方式'], type: 'enum', required: true,
      enum: [
        { value: 'broadcast', labels: ['广播', '大喇叭'] },
        { value: 'leaflets', labels: ['发放资料', '传单', '宣传单', '发放宣传资料'] },
        { value: 'lecture', labels: ['讲座', '法治讲座', '宣讲'] },
        { value: 'banner', labels: ['横幅', '标语', '展板'] },
        { value: 'online', labels: ['网络', '微信', '微信群'] },
        { value: 'other', labels: ['其他', '其它'] },
      ],
    },
    { key: 'topic', label: '宣传主题', aliases: ['主题', '宣传内容', '内容'], type: 'text', required: false },
    { key: 'place', label: '地点', aliases: ['宣传地点', '活动地点'], type: 'text', required: false },
    { key: 'audience', label: '受众人数', aliases: ['参加人数', '受教育人数', '人数'], type: 'int', required: true, min: 0 },
  ],
};

const INFO_SUBMISSIONS: RegisterDef = {
  key: 'info_submissions',
  label: '信息报送',
  labelEn: 'Information submissions',
  fields: [
    { key: 'date', label: '报送日期', aliases: [...DATE_ALIASES, '报送时间'], type: 'date', required: true },
    { key: 'title', label: '信息标题', aliases: ['标题', '信息名称', '题目'], type: 'text', required: true },
    {
      // Drives the bonus points of DOMAIN.md §6 (township +0.5 … central +3).
      key: 'adopted_level', label: '采用级别', aliases: ['采用情况', '被采用级别', '采用单位'], type: 'enum', required: false,
      defaultValue: 'none',
      enum: [
        { value: 'none', labels: ['未采用', '无', '否'] },
        { value: 'township', labels: ['乡镇', '镇', '乡', '街道', '乡镇采用'] },
        { value: 'county', labels: ['县', '县级', '区', '县采用'] },
        { value: 'city', labels: ['市', '市级', '市采用'] },
        { value: 'province', labels: ['省', '省级', '省采用'] },
        { value: 'central', labels: ['中央', '国家', '中央采用'] },
      ],
    },
    { key: 'submitter', label: '报送人', aliases: ['撰稿人', '报送单位'], type: 'text', required: false },
  ],
};

const HAZARD_CHECKS: RegisterDef = {
  key: 'hazard_checks',
  label: '安全隐患排查',
  labelEn: 'Hazard checks',
  fields: [
    { key: 'date', label: '排查日期', aliases: [...DATE_ALIASES, '检查日期'], type: 'date', required: true },
    { key: 'place', label: '隐患地点', aliases: ['地点', '排查地点', '位置'], type: 'text', required: true },
    { key: 'hazard', label: '隐患内容', aliases: ['隐患', '存在问题', '隐患情况'], type: 'text', required: true },
    { key: 'deadline', label: '整改期限', aliases: ['整改时限', '限期'], type: 'date', required: false },
    {
      key: 'status', label: '整改情况', aliases: ['整改状态', '状态', '是否整改'], type: 'enum', required: true,
      enum: [
        { value: 'pending', labels: ['未整改', '待整改'] },
        { value: 'in_progress', labels: ['整改中', '正在整改'] },
        { value: 'done', labels: ['已整改', '完成', '已完成'] },
      ],
    },
    { key: 'responsible', label: '责任人', aliases: ['整改责任人', '负责人'], type: 'text', required: false },
  ],
};

export const REGISTERS: Readonly<Record<RegisterKey, RegisterDef>> = {
  petitions: PETITIONS,
  disputes: DISPUTES,
  mediation_files: MEDIATION_FILES,
  investigation_rounds: INVESTIGATION_ROUNDS,
  meetings: MEETINGS,
  duty_log: DUTY_LOG,
  publicity: PUBLICITY,
  info_submissions: INFO_SUBMISSIONS,
  hazard_checks: HAZARD_CHECKS,
};

export function getRegister(key: RegisterKey | RegisterDef): RegisterDef {
  return typeof key === 'string' ? REGISTERS[key] : key;
}
