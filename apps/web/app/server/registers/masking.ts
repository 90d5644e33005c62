import { maskAddress, maskIdNumber, maskName, maskPhone } from '@tally/casework';
import type { FieldDef, FieldValue } from '@tally/imports';

/** Names of several parties are written 张三、李四 or 张三,李四: each one is masked. */
function maskNames(text: string): string {
  return text.split(/([、,，;；\s]+)/).map((part, index) => (index % 2 === 0 && part ? maskName(part) : part)).join('');
}

/** §8: a personal field as someone outside the handling unit sees it. */
export function maskField(field: FieldDef, value: FieldValue): FieldValue {
  if (value === null || value === '' || !field.personal) return value;
  const text = String(value);
  if (field.type === 'id_number') return maskIdNumber(text);
  if (field.type === 'phone') return maskPhone(text);
  return field.masking === 'address' ? maskAddress(text) : maskNames(text);
}

export function maskValues(fields: readonly FieldDef[], values: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((field) => [field.key, maskField(field, values[field.key] ?? null)]));
}
