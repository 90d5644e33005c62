import { defineMessages } from './define.ts';

/** Refusals of a request as a whole: malformed input, oversize bodies, fields named in them. */
export const requestMessages = defineMessages({
  zh: {
    'error.badRequest': '请求有误，请检查后重试',
    'error.invalidText': '“{field}”含有不允许的字符（如空字符或残缺的汉字编码），请删除后重试',
    'error.invalidValue': '有一项输入无法识别，请检查日期和数字的写法',
    'error.tooLarge': '提交的内容过大（上限 {limit}）',
    'request.field.from': '起始日期',
    'request.field.to': '截止日期',
    'request.field.unitCode': '单位',
    'request.field.id': '编号',
    'request.field.cursor': '翻页位置',
    'request.field.q': '关键词',
    'request.field.filters': '筛选条件',
  },
  en: {
    'error.badRequest': 'The request is malformed; check it and try again',
    'error.invalidText':
      '“{field}” contains characters that are not allowed (a NUL byte or a broken character); remove them and try again',
    'error.invalidValue': 'A value could not be read; check how dates and numbers are written',
    'error.tooLarge': 'What was sent is too large (limit {limit})',
    'request.field.from': 'From date',
    'request.field.to': 'To date',
    'request.field.unitCode': 'Unit',
    'request.field.id': 'Id',
    'request.field.cursor': 'Page position',
    'request.field.q': 'Search words',
    'request.field.filters': 'Filters',
  },
});
