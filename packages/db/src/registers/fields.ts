import type {
  disputes,
  dutyLogs,
  hazardChecks,
  infoSubmissions,
  investigationRounds,
  mediationFiles,
  meetings,
  publicityRecords,
} from '../schema/registers.ts';
import type { RegisterChecks, RegisterPresentation } from './presentation.ts';

/*
 * Labels and header aliases of the registers of docs/domain.md §2 and §4. Aliases are other
 * spellings seen in villages' own sheets; matching also ignores spaces, full-width forms
 * and bracketed notes (see @tally/imports header-mapping), so only distinct words are listed.
 *
 * §8 is declared here, once, for every read path: `personal`/`kind` fields are masked above
 * the keeping unit, `freeText` fields (prose about citizens' matters: parties, callers) are
 * withheld whole. Prose about the office's own work (meeting topics and decisions,
 * publicity, information titles, hazards of places) is not personal and stays readable.
 *
 * Rules beyond type and required-ness are declared here too and checked by forms and
 * imports alike: every date records what happened and may not lie after today unless it
 * is marked `ahead` (a deadline); counts carry `min`; `…Checks` relate two fields of a row.
 */

const DATE_ALIASES = ['日期', '时间', '登记日期', '登记时间', '记录日期'];

export const investigationRoundFields: RegisterPresentation<typeof investigationRounds> = {
  heldOn: { label: '排查日期', labelEn: 'Date', aliases: DATE_ALIASES },
  scope: {
    label: '排查类型',
    labelEn: 'Scope',
    aliases: ['排查范围', '类型', '类别'],
    options: {
      routine: ['常规', '常规排查', '日常排查'],
      key_period: ['重点时段', '节假日', '敏感时期', '重点时期'],
      special: ['专项', '专项排查'],
    },
    optionsEn: { routine: 'Routine', key_period: 'Key period', special: 'Special topic' },
  },
  // 0 is a valid, required record: the 零报告 ("nothing found") must be on file.
  findingsCount: {
    label: '排查发现数',
    labelEn: 'Findings',
    aliases: ['发现问题数', '排查数', '发现数量', '矛盾纠纷数'],
    min: 0,
  },
  investigator: { label: '排查人', labelEn: 'Investigator', aliases: ['负责人', '参加人员', '排查人员'] },
  // What the round found: clerks name the parties of the disputes they found.
  notes: { label: '备注', labelEn: 'Notes', aliases: ['情况说明', '排查情况'], long: true, freeText: true },
};

export const meetingFields: RegisterPresentation<typeof meetings> = {
  heldOn: { label: '会议日期', labelEn: 'Date', aliases: [...DATE_ALIASES, '开会日期', '会议时间'] },
  kind: {
    label: '会议类型',
    labelEn: 'Kind',
    aliases: ['类型', '会议类别', '会议名称'],
    options: {
      director_weekly: ['主任例会', '周例会'],
      member_monthly: ['成员单位例会', '月例会'],
      joint: ['联席会议', '联席会'],
    },
    optionsEn: {
      director_weekly: 'Weekly director meeting',
      member_monthly: 'Monthly member-unit meeting',
      joint: 'Joint meeting',
    },
  },
  topic: { label: '会议主题', labelEn: 'Topic', aliases: ['议题', '主题', '会议内容'] },
  host: { label: '主持人', labelEn: 'Chaired by', aliases: ['主持'] },
  attendees: { label: '参会人员', labelEn: 'Attendees', aliases: ['出席人员', '参加人员', '到会人员'], long: true },
  absentees: { label: '缺席人员', labelEn: 'Absentees', aliases: ['缺席', '请假人员', '未到人员'] },
  absentCount: { label: '缺席人数', labelEn: 'Absent count', aliases: ['未到人数', '请假人数'], min: 0 },
  decisions: { label: '会议决定', labelEn: 'Decisions', aliases: ['议定事项', '会议纪要'], long: true },
};

export const dutyLogFields: RegisterPresentation<typeof dutyLogs> = {
  dutyOn: { label: '值班日期', labelEn: 'Date', aliases: DATE_ALIASES },
  leader: { label: '带班领导', labelEn: 'Leader on duty', aliases: ['值班领导', '带班'] },
  staff: { label: '值班人员', labelEn: 'Staff on duty', aliases: ['值班人', '值班员'] },
  // Calls and visits from citizens, and what was done for them: who called is written in the prose.
  events: {
    label: '值班情况',
    labelEn: 'Events',
    aliases: ['值班事项', '事项', '记录', '来电来访情况'],
    long: true,
    freeText: true,
  },
  handling: { label: '处理情况', labelEn: 'Handling', aliases: ['处理结果', '处置情况'], long: true, freeText: true },
};

export const publicityRecordFields: RegisterPresentation<typeof publicityRecords> = {
  heldOn: { label: '宣传日期', labelEn: 'Date', aliases: [...DATE_ALIASES, '活动日期'] },
  form: {
    label: '宣传形式',
    labelEn: 'Form',
    aliases: ['形式', '活动形式', '方式'],
    options: {
      broadcast: ['广播', '大喇叭'],
      leaflets: ['发放资料', '传单', '宣传单', '发放宣传资料'],
      lecture: ['讲座', '法治讲座', '宣讲'],
      banner: ['横幅', '标语', '展板'],
      online: ['网络', '微信', '微信群'],
      other: ['其他', '其它'],
    },
    optionsEn: {
      broadcast: 'Broadcast',
      leaflets: 'Leaflets',
      lecture: 'Lecture',
      banner: 'Banners',
      online: 'Online',
      other: 'Other',
    },
  },
  audienceSize: { label: '受众人数', labelEn: 'Audience', aliases: ['参加人数', '受教育人数', '人数'], min: 0 },
  topic: { label: '宣传主题', labelEn: 'Topic', aliases: ['主题', '宣传内容', '内容'] },
  place: { label: '地点', labelEn: 'Place', aliases: ['宣传地点', '活动地点'] },
};

export const infoSubmissionFields: RegisterPresentation<typeof infoSubmissions> = {
  submittedOn: { label: '报送日期', labelEn: 'Date', aliases: [...DATE_ALIASES, '报送时间'] },
  title: { label: '信息标题', labelEn: 'Title', aliases: ['标题', '信息名称', '题目'] },
  // Drives the bonus points of docs/assessment.md (township +0.5 … central +3).
  adoptedLevel: {
    label: '采用级别',
    labelEn: 'Adopted at',
    aliases: ['采用情况', '被采用级别', '采用单位'],
    options: {
      none: ['未采用', '无', '否'],
      township: ['乡镇', '镇', '乡', '街道', '乡镇采用'],
      county: ['县', '县级', '区', '县采用'],
      city: ['市', '市级', '市采用'],
      province: ['省', '省级', '省采用'],
      central: ['中央', '国家', '中央采用'],
    },
    optionsEn: {
      none: 'Not adopted',
      township: 'Township',
      county: 'County',
      city: 'City',
      province: 'Province',
      central: 'Central',
    },
  },
  submitter: { label: '报送人', labelEn: 'Submitted by', aliases: ['撰稿人', '报送单位'] },
};

export const hazardCheckFields: RegisterPresentation<typeof hazardChecks> = {
  checkedOn: { label: '排查日期', labelEn: 'Date', aliases: [...DATE_ALIASES, '检查日期'] },
  place: { label: '隐患地点', labelEn: 'Place', aliases: ['地点', '排查地点', '位置'] },
  hazard: { label: '隐患内容', labelEn: 'Hazard', aliases: ['隐患', '存在问题', '隐患情况'], long: true },
  rectifyBy: { label: '整改期限', labelEn: 'Rectify by', aliases: ['整改时限', '限期'], ahead: true },
  rectificationStatus: {
    label: '整改情况',
    labelEn: 'Status',
    aliases: ['整改状态', '状态', '是否整改'],
    options: {
      open: ['未整改', '待整改'],
      in_progress: ['整改中', '正在整改'],
      rectified: ['已整改', '完成', '已完成'],
    },
    optionsEn: { open: 'Open', in_progress: 'In progress', rectified: 'Rectified' },
  },
  responsible: { label: '责任人', labelEn: 'Responsible', aliases: ['整改责任人', '负责人'] },
};

/** A deadline set at the check can not fall before the check itself. */
export const hazardCheckChecks: RegisterChecks<typeof hazardChecks> = [{ field: 'rectifyBy', than: 'checkedOn' }];

export const disputeFields: RegisterPresentation<typeof disputes> = {
  foundOn: { label: '排查日期', labelEn: 'Found on', aliases: [...DATE_ALIASES, '发现日期', '受理日期'] },
  source: {
    label: '纠纷来源',
    labelEn: 'Source',
    aliases: ['来源', '发现途径'],
    options: {
      investigation: ['排查', '排查发现'],
      visit: ['来访', '群众来访'],
      referral: ['转办', '移交', '上级交办'],
    },
    optionsEn: { investigation: 'Investigation round', visit: 'Visit', referral: 'Referral' },
  },
  disputeType: {
    label: '纠纷类型',
    labelEn: 'Type',
    aliases: ['类型', '纠纷类别', '类别'],
    options: {
      marriage_family: ['婚姻家庭', '婚姻', '家庭'],
      neighbours: ['邻里', '邻里纠纷'],
      compensation: ['赔偿', '损害赔偿'],
      labour: ['劳资', '劳资纠纷'],
      property_management: ['物业', '物业纠纷'],
      land: ['土地', '土地纠纷'],
      forest_rights: ['林权', '山林'],
      requisition: ['征迁', '征地拆迁'],
      other: ['其他', '其它'],
    },
    optionsEn: {
      marriage_family: 'Marriage & family',
      neighbours: 'Neighbours',
      compensation: 'Compensation',
      labour: 'Labour',
      property_management: 'Property management',
      land: 'Land',
      forest_rights: 'Forest rights',
      requisition: 'Requisition',
      other: 'Other',
    },
  },
  parties: { label: '当事人', labelEn: 'Parties', aliases: ['纠纷当事人', '双方当事人', '涉及人员'], personal: true },
  partyIdNumber: {
    label: '身份证号',
    labelEn: 'ID number',
    aliases: ['身份证号码', '当事人身份证号', '公民身份号码'],
    kind: 'id_number',
  },
  partyPhone: { label: '联系电话', labelEn: 'Phone', aliases: ['电话', '手机', '联系方式'], kind: 'phone' },
  severity: {
    label: '纠纷等级',
    labelEn: 'Severity',
    aliases: ['等级', '级别', '严重程度'],
    options: { minor: ['轻微'], ordinary: ['一般'], major: ['重大'] },
    optionsEn: { minor: 'Minor', ordinary: 'Ordinary', major: 'Major' },
  },
  summary: {
    label: '纠纷简要情况',
    labelEn: 'Summary',
    aliases: ['简要情况', '纠纷内容', '基本情况', '主要内容'],
    long: true,
    freeText: true,
  },
  mediator: { label: '调解人', labelEn: 'Mediator', aliases: ['调解员', '承办人', '包案人'] },
  method: {
    label: '调解方式',
    labelEn: 'Method',
    aliases: ['调处方式'],
    options: { people: ['人民调解'], administrative: ['行政调解'], judicial: ['司法调解'] },
    optionsEn: { people: "People's mediation", administrative: 'Administrative', judicial: 'Judicial' },
  },
  outcome: {
    label: '调处结果',
    labelEn: 'Outcome',
    aliases: ['处理结果', '调解结果', '结果'],
    options: {
      pending: ['调处中', '未调结', '待调解'],
      settled: ['调解成功', '成功', '已调结', '已调解'],
      failed: ['调解不成', '调解失败', '失败', '未成功'],
    },
    optionsEn: { pending: 'Pending', settled: 'Settled', failed: 'Failed' },
  },
  settledOn: { label: '调结日期', labelEn: 'Settled on', aliases: ['调解日期', '办结日期'] },
  revisitClass: {
    label: '回访类别',
    labelEn: 'Revisit class',
    aliases: ['纠纷类别等级', '回访等级'],
    min: 1,
    max: 3,
    options: { 1: ['一类', '1类', '1'], 2: ['二类', '2类', '2'], 3: ['三类', '3类', '3'] },
    optionsEn: { 1: 'Class 1 (1 month)', 2: 'Class 2 (1 quarter)', 3: 'Class 3 (half a year)' },
  },
  satisfaction: {
    label: '满意度',
    labelEn: 'Satisfaction',
    aliases: ['回访结果', '群众满意度'],
    options: { satisfied: ['满意'], basically: ['基本满意'], not: ['不满意'] },
    optionsEn: { satisfied: 'Satisfied', basically: 'Basically satisfied', not: 'Not satisfied' },
  },
};

/** A dispute is settled on or after the day it was found. */
export const disputeChecks: RegisterChecks<typeof disputes> = [{ field: 'settledOn', than: 'foundOn' }];

export const mediationFileFields: RegisterPresentation<typeof mediationFiles> = {
  signedOn: { label: '调解日期', labelEn: 'Signed on', aliases: [...DATE_ALIASES, '协议日期', '签订日期'] },
  agreementNumber: { label: '协议书编号', labelEn: 'Agreement number', aliases: ['卷宗编号', '编号', '案号'] },
  disputeId: { label: '关联纠纷', labelEn: 'Dispute', internal: true },
  parties: { label: '当事人', labelEn: 'Parties', aliases: ['双方当事人', '纠纷当事人'], personal: true, long: true },
  partyIdNumber: {
    label: '身份证号',
    labelEn: 'ID number',
    aliases: ['身份证号码', '公民身份号码'],
    kind: 'id_number',
  },
  // The agreement's body tells the parties' story and binds them by name.
  facts: {
    label: '纠纷事实',
    labelEn: 'Facts',
    aliases: ['基本事实', '纠纷简要情况', '纠纷主要事实'],
    long: true,
    freeText: true,
  },
  disputedMatters: {
    label: '争议事项',
    labelEn: 'Disputed matters',
    aliases: ['争议焦点'],
    long: true,
    freeText: true,
  },
  responsibilities: {
    label: '责任认定',
    labelEn: 'Responsibilities',
    aliases: ['各方责任', '责任'],
    long: true,
    freeText: true,
  },
  rightsAndObligations: {
    label: '协议内容',
    labelEn: 'Rights and obligations',
    aliases: ['达成协议内容', '调解协议', '权利义务', '各方权利义务'],
    long: true,
    freeText: true,
  },
  performance: {
    label: '履行方式及期限',
    labelEn: 'Performance',
    aliases: ['履行方式', '履行期限', '履行方式、地点、期限'],
    long: true,
    freeText: true,
  },
  mediator: { label: '调解员', labelEn: 'Mediator', aliases: ['调解人', '主持人'] },
  committee: { label: '调解委员会', labelEn: 'Committee', aliases: ['人民调解委员会', '调委会'] },
};
