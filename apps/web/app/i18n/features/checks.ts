import type { CheckingEventKind, InspectionComponent } from '@tally/db/assessment';
import { defineMessages } from './define.ts';

/*
 * The checking unit's two input registers (考核, docs/assessment.md): inspection scores and the
 * events it records about the units directly below it.
 *
 * Component and kind labels are typed against the stored vocabulary: a component or a kind
 * added to packages/db/src/assessment/vocabulary.ts without a label here is a compile error.
 * Levels are keyed `${kind}.${level}`; the vocabulary types them as plain strings, so a unit
 * test (apps/web/test/unit/checks-labels.test.ts) checks that each one has a label.
 */

interface Label {
  zh: string;
  en: string;
}

const componentLabels = {
  routine: { zh: '例行检查', en: 'Routine inspection' },
  'half-year': { zh: '半年检查', en: 'Half-year inspection' },
  'year-end': { zh: '年终检查', en: 'Year-end inspection' },
} satisfies Record<InspectionComponent, Label>;

const kindLabels = {
  'night-duty-off-post': { zh: '夜查脱岗', en: 'Off post at a night-duty check' },
  commendation: { zh: '受表彰', en: 'Commendation' },
  'preventable-case': { zh: '可防性案件', en: 'Preventable case' },
  'mass-incident': { zh: '群体性事件', en: 'Mass incident' },
  'vicious-criminal-case': { zh: '恶性刑事案件', en: 'Vicious criminal case' },
  'major-accident': { zh: '重大事故', en: 'Major accident' },
  'disgraceful-incident': { zh: '造成恶劣影响事件', en: 'Incident with a disgraceful impact' },
} satisfies Record<CheckingEventKind, Label>;

const levelLabels = {
  'night-duty-off-post.criticism': { zh: '通报批评', en: 'Notice of criticism' },
  'night-duty-off-post.yellow-card': { zh: '黄牌警告', en: 'Yellow card' },
  'commendation.county': { zh: '县级', en: 'County level' },
  'commendation.city': { zh: '市级', en: 'City level' },
  'commendation.province': { zh: '省级', en: 'Province level' },
} satisfies Record<`${CheckingEventKind}.${string}`, Label>;

/** `{ a: label }` → `{ 'prefix.a': label[language] }`, keeping the literal keys for MessageKey. */
function prefixed<const P extends string, T extends Record<string, Label>>(
  prefix: P,
  labels: T,
  language: keyof Label,
): { [K in keyof T & string as `${P}${K}`]: string } {
  return Object.fromEntries(Object.entries(labels).map(([key, label]) => [`${prefix}${key}`, label[language]])) as {
    [K in keyof T & string as `${P}${K}`]: string;
  };
}

const labels = (language: keyof Label) => ({
  ...prefixed('checks.component.', componentLabels, language),
  ...prefixed('checks.kind.', kindLabels, language),
  ...prefixed('checks.level.', levelLabels, language),
});

export const checksMessages = defineMessages({
  zh: {
    ...labels('zh'),
    'nav.checks': '考核检查',
    'checks.tab.inspections': '检查评分',
    'checks.tab.events': '检查事项登记',
    'checks.year': '年度',
    'checks.component': '检查类别',
    'checks.show': '查看',
    'checks.unit': '单位',
    'checks.month': '{month}月',
    'checks.score': '得分',
    'checks.scoreHint': '0–100，最多两位小数',
    'checks.none': '—',
    'checks.inactive': '已停用',
    'checks.inspections.title': '检查评分',
    'checks.inspections.scopeEditable':
      '{name}下辖单位的{component}得分（{year}年）。空白格可直接填写后按行保存；点击已有分数查看历史或更正。',
    'checks.inspections.scopeReadOnly': '{name}下辖单位的{component}得分（{year}年），由{name}录入，您只能查看。',
    'checks.inspections.drillDown': '查看村（社区）得分',
    'checks.inspections.backToTop': '返回本单位下辖单位',
    'checks.inspections.own': '本单位得分（由上级检查单位录入，只读）',
    'checks.inspections.noUnits': '没有下辖单位',
    'checks.inspections.saveRow': '保存本行',
    'checks.inspections.saved': '已保存 {count} 项得分',
    'checks.inspections.nothingToSave': '本行没有新填写的得分',
    'checks.inspections.version': '第 {version} 版',
    'checks.inspections.cellLink': '{unit} {period}：{score}，查看历史',
    'checks.cell.title': '{unit} · {year}年{component} · {period}',
    'checks.cell.current': '现行得分',
    'checks.cell.none': '尚未录入',
    'checks.cell.enter': '录入得分',
    'checks.cell.correct': '更正得分',
    'checks.cell.reason': '更正原因',
    'checks.cell.reasonHint': '更正须写明原因；原记录保留，可在下方历史中查到。',
    'checks.cell.history': '历史版本',
    'checks.cell.noHistory': '暂无记录',
    'checks.cell.versionCol': '版本',
    'checks.cell.enteredBy': '录入人',
    'checks.cell.enteredAt': '录入时间',
    'checks.cell.enteredByUnit': '录入单位',
    'checks.cell.saved': '已保存：得分 {score}（第 {version} 版）',
    'checks.cell.back': '返回评分表',
    'checks.cell.readOnly': '该得分由上级检查单位录入，您只能查看。',
    'checks.period.single': '得分',
    'checks.import.title': '导入评分表',
    'checks.import.link': '从 Excel/CSV 导入评分表',
    'checks.import.intro':
      '每行一个单位一个期次。表头：单位代码或单位名称（至少一列）、年度、检查类别（例行检查/半年检查/年终检查）、月份（例行检查填 1–12，其他留空）、得分（0–100，最多两位小数）。只能导入本单位直接下辖单位的得分。',
    'checks.import.allOrNothing':
      '整表校验：任何一行有误，整张表都不导入，请按下方所列行列改正后重新上传。与现行得分相同的行不重复录入。',
    'checks.import.file': '评分表文件（.xlsx 或 .csv）',
    'checks.import.reason': '更正原因（表中有与现行得分不同的分数时必填）',
    'checks.import.submit': '导入',
    'checks.import.limit': '文件不超过 {limit}，至多 {rows} 行。',
    'checks.import.done':
      '已导入“{fileName}”：新录入 {entered} 项，更正 {corrected} 项，与现行得分相同未变 {unchanged} 项',
    'checks.import.refused': '评分表有 {count} 处错误，整表未导入：{zh}',
    'checks.import.noRows': '评分表中没有得分行',
    'checks.import.errors': '错误明细',
    'checks.import.row': '行',
    'checks.import.column': '列',
    'checks.import.message': '问题',
    'checks.events.title': '检查事项登记',
    'checks.events.record': '登记事项',
    'checks.events.recordHelp': '夜查、表彰、可防性案件和一票否决事项由检查单位登记在被检查单位名下，计入考核。',
    'checks.events.unit': '被检查单位',
    'checks.events.kind': '事项类别',
    'checks.events.level': '等级',
    'checks.events.levelNone': '（该类别无等级）',
    'checks.events.occurredOn': '发生日期',
    'checks.events.description': '情况说明',
    'checks.events.descriptionHint': '只写事实经过，不得填写群众姓名、身份证号、电话、住址等个人信息。最多 {max} 字。',
    'checks.events.attachmentRef': '文号（可选）',
    'checks.events.attachmentRefCol': '文号',
    'checks.events.recorded': '已登记该事项',
    'checks.events.filterUnit': '单位',
    'checks.events.allUnits': '全部',
    'checks.events.count': '{year}年共 {count} 条',
    'checks.events.empty': '没有登记的事项',
    'checks.events.recordedBy': '登记',
    'checks.events.veto': '一票否决',
    'checks.events.withdraw': '撤销',
    'checks.events.withdrawReason': '撤销原因',
    'checks.events.withdrawn': '已撤销该事项',
    'checks.events.aboutSelf': '涉及本单位的事项由上级检查单位登记，您只能查看。',
    'checks.error.score': '得分须为 0–100 之间的数，最多两位小数',
    'checks.error.scoreAt': '{unit} {period}：得分须为 0–100 之间的数，最多两位小数，本行未保存',
    'checks.error.period': '期次无效：例行检查为 1–12 月，半年检查和年终检查只有一期',
    'checks.error.yearNotStarted': '{year} 年尚未开始，不能录入得分',
    'checks.error.monthNotStarted': '{year} 年 {month} 月尚未开始，不能录入该月得分',
    'checks.error.ownUnit': '不能为本单位评分或登记事项：应由上级检查单位录入',
    'checks.error.notDirectlyBelow': '只能为直接下级单位评分或登记事项（县评乡镇，乡镇评村）',
    'checks.error.stale': '该得分已被他人更新（现为第 {current} 版），请刷新后核对再录入',
    'checks.error.reasonRequired': '更正已有得分须填写更正原因',
    'checks.error.unchanged': '得分与现行得分相同，无需更正',
    'checks.error.levelRequired': '“{kind}”须选择等级：{levels}',
    'checks.error.levelNotAllowed': '“{kind}”没有等级，请选择“无等级”',
    'checks.error.date': '发生日期须为有效日期（如 2026-03-05）',
    'checks.error.dateFuture': '发生日期不能晚于今天（{today}）',
    'checks.error.descriptionRequired': '情况说明不能为空',
    'checks.error.descriptionTooLong': '情况说明最多 {max} 字',
    'checks.error.attachmentRefTooLong': '文号最多 {max} 字',
    'checks.error.personalData': '情况说明中有像身份证号或手机号的内容，请删除个人信息后再提交',
    'checks.error.eventStale': '该事项已被他人修改，请刷新后重试',
    'checks.error.alreadyWithdrawn': '该事项已撤销',
    'checks.error.withdrawReason': '撤销须填写原因',
  },
  en: {
    ...labels('en'),
    'nav.checks': 'Inspections',
    'checks.tab.inspections': 'Inspection scores',
    'checks.tab.events': 'Checking events',
    'checks.year': 'Year',
    'checks.component': 'Inspection',
    'checks.show': 'Show',
    'checks.unit': 'Unit',
    'checks.month': 'M{month}',
    'checks.score': 'Score',
    'checks.scoreHint': '0–100, at most two decimals',
    'checks.none': '—',
    'checks.inactive': 'inactive',
    'checks.inspections.title': 'Inspection scores',
    'checks.inspections.scopeEditable':
      '{component} scores {year} of the units below {name}. Fill in empty cells and save the row; open a score to see its history or correct it.',
    'checks.inspections.scopeReadOnly':
      '{component} scores {year} of the units below {name}, entered by {name}; read-only for you.',
    'checks.inspections.drillDown': 'Village scores',
    'checks.inspections.backToTop': 'Back to the units below your unit',
    'checks.inspections.own': "Your own unit's scores (entered by the checking unit above; read-only)",
    'checks.inspections.noUnits': 'No units below',
    'checks.inspections.saveRow': 'Save row',
    'checks.inspections.saved': '{count} scores saved',
    'checks.inspections.nothingToSave': 'Nothing new was filled in on this row',
    'checks.inspections.version': 'version {version}',
    'checks.inspections.cellLink': '{unit} {period}: {score}, show history',
    'checks.cell.title': '{unit} · {component} {year} · {period}',
    'checks.cell.current': 'Score in force',
    'checks.cell.none': 'Not entered yet',
    'checks.cell.enter': 'Enter score',
    'checks.cell.correct': 'Correct score',
    'checks.cell.reason': 'Reason for the correction',
    'checks.cell.reasonHint': 'A correction needs a reason; the earlier entry is kept and listed below.',
    'checks.cell.history': 'Versions',
    'checks.cell.noHistory': 'No entries',
    'checks.cell.versionCol': 'Version',
    'checks.cell.enteredBy': 'Entered by',
    'checks.cell.enteredAt': 'Entered at',
    'checks.cell.enteredByUnit': 'Checking unit',
    'checks.cell.saved': 'Saved: score {score} (version {version})',
    'checks.cell.back': 'Back to the scores',
    'checks.cell.readOnly': 'This score is entered by the checking unit above; read-only for you.',
    'checks.period.single': 'Score',
    'checks.import.title': 'Import a score sheet',
    'checks.import.link': 'Import a score sheet from Excel/CSV',
    'checks.import.intro':
      'One row per unit and period. Headers: 单位代码 (unit code) or 单位名称 (unit name), at least one; 年度 (year); 检查类别 (例行检查/半年检查/年终检查); 月份 (1–12 for routine inspections, empty otherwise); 得分 (0–100, at most two decimals). Only units directly below yours can be imported.',
    'checks.import.allOrNothing':
      'The whole sheet is checked: if any row is wrong nothing is imported; fix the rows and columns listed below and upload again. Rows equal to the score in force are not entered again.',
    'checks.import.file': 'Score sheet (.xlsx or .csv)',
    'checks.import.reason': 'Reason for corrections (required when the sheet changes a score in force)',
    'checks.import.submit': 'Import',
    'checks.import.limit': 'At most {limit} and {rows} rows.',
    'checks.import.done': 'Imported "{fileName}": {entered} new, {corrected} corrected, {unchanged} unchanged',
    'checks.import.refused': 'The score sheet has {count} errors; nothing was imported: {en}',
    'checks.import.noRows': 'The score sheet has no score rows',
    'checks.import.errors': 'Errors',
    'checks.import.row': 'Row',
    'checks.import.column': 'Column',
    'checks.import.message': 'Problem',
    'checks.events.title': 'Checking events',
    'checks.events.record': 'Record an event',
    'checks.events.recordHelp':
      'Night-duty findings, commendations, preventable cases and one-vote-veto incidents are recorded by the checking unit against the unit checked, and count in its assessment.',
    'checks.events.unit': 'Unit checked',
    'checks.events.kind': 'Kind',
    'checks.events.level': 'Level',
    'checks.events.levelNone': '(no level for this kind)',
    'checks.events.occurredOn': 'Date',
    'checks.events.description': 'What happened',
    'checks.events.descriptionHint':
      "Facts only: no citizen's name, ID number, phone or address. At most {max} characters.",
    'checks.events.attachmentRef': 'File number (optional)',
    'checks.events.attachmentRefCol': 'File number',
    'checks.events.recorded': 'Event recorded',
    'checks.events.filterUnit': 'Unit',
    'checks.events.allUnits': 'All',
    'checks.events.count': '{count} in {year}',
    'checks.events.empty': 'No events recorded',
    'checks.events.recordedBy': 'Recorded',
    'checks.events.veto': 'One-vote veto',
    'checks.events.withdraw': 'Withdraw',
    'checks.events.withdrawReason': 'Reason for withdrawal',
    'checks.events.withdrawn': 'Event withdrawn',
    'checks.events.aboutSelf': 'Events about your unit are recorded by the checking unit above; read-only for you.',
    'checks.error.score': 'Score must be a number from 0 to 100 with at most two decimals',
    'checks.error.scoreAt':
      '{unit}, {period}: the score must be a number from 0 to 100 with at most two decimals; nothing on this row was saved',
    'checks.error.period':
      'Invalid period: routine inspections are months 1–12; half-year and year-end inspections have one period',
    'checks.error.yearNotStarted': 'The year {year} has not begun; no score can be entered for it',
    'checks.error.monthNotStarted': '{year}-{month} has not begun; no score can be entered for that month',
    'checks.error.ownUnit': 'Nobody scores or records events about their own unit: the checking unit above enters them',
    'checks.error.notDirectlyBelow':
      'Only a unit directly below yours can be scored or have events recorded (county → townships, township → villages)',
    'checks.error.stale':
      'Someone else updated this score (now version {current}); reload and check before entering it',
    'checks.error.reasonRequired': 'Correcting a score needs a reason',
    'checks.error.unchanged': 'The score is the same as the score in force; nothing to correct',
    'checks.error.levelRequired': '"{kind}" needs a level: {levels}',
    'checks.error.levelNotAllowed': '"{kind}" has no level; choose "no level"',
    'checks.error.date': 'The date must be a valid date (e.g. 2026-03-05)',
    'checks.error.dateFuture': 'The date cannot be later than today ({today})',
    'checks.error.descriptionRequired': 'Describe what happened',
    'checks.error.descriptionTooLong': 'The description is limited to {max} characters',
    'checks.error.attachmentRefTooLong': 'The file number is limited to {max} characters',
    'checks.error.personalData':
      'The description seems to contain an ID number or a mobile number; remove personal data and submit again',
    'checks.error.eventStale': 'Someone else changed this event; reload and try again',
    'checks.error.alreadyWithdrawn': 'This event has already been withdrawn',
    'checks.error.withdrawReason': 'Withdrawal needs a reason',
  },
});
