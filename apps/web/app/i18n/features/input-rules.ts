import { defineMessages } from './define.ts';

/**
 * Refusals of a typed value, each naming the field by its label ({field}) and saying what is
 * allowed. Built from a zod issue by server/input-refusal.ts; a refine whose message is one of
 * these keys gets the same treatment.
 */
export const inputRuleMessages = defineMessages({
  zh: {
    'error.input.required': '请填写{field}',
    'error.input.atLeast': '{field}至少为 {min}',
    'error.input.atMost': '{field}不能超过 {max}',
    'error.input.tooLong': '{field}最多 {max} 个字',
    'error.input.date': '{field}应为有效的日期，如 2026-03-05',
    'error.input.dateTime': '{field}应为有效的日期和时间',
    'error.input.choice': '{field}不是可选的值，请从列表中选择',
    'error.input.format': '{field}的格式不正确',
    'error.input.beforeFrom': '{field}不能早于起始日期',
    'error.input.periodTooLong': '{field}与起始日期相隔不能超过三年',
    'error.input.wholeNumber': '{field}应为整数',
    'error.input.thisValue': '该项',
    'period.fallback': '{reason}。下面显示的是默认期间 {from} 至 {to}。',
    'period.dropped': '{reason}。下面的列表未按收件日期筛选。',
  },
  en: {
    'error.input.required': '{field} is required',
    'error.input.atLeast': '{field} must be at least {min}',
    'error.input.atMost': '{field} must be at most {max}',
    'error.input.tooLong': '{field} takes at most {max} characters',
    'error.input.date': '{field} must be a real date, such as 2026-03-05',
    'error.input.dateTime': '{field} must be a real date and time',
    'error.input.choice': '{field} is not one of the choices; pick one from the list',
    'error.input.format': '{field} is not in the expected format',
    'error.input.beforeFrom': '{field} cannot be earlier than the from date',
    'error.input.periodTooLong': '{field} can be at most three years after the from date',
    'error.input.wholeNumber': '{field} must be a whole number',
    'error.input.thisValue': 'This value',
    'period.fallback': '{reason}. Showing the default period {from} to {to} instead.',
    'period.dropped': '{reason}. The list below is not filtered by received date.',
  },
});
