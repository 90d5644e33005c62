import { isRegisterKey, registerDefs, type RegisterKey } from '@tally/db/registers';

/** The register named in the URL, or a 404: the key list is the registers' own. */
export function registerParam(value: string | undefined): RegisterKey {
  if (!value || !isRegisterKey(value)) throw new Response('unknown register', { status: 404 });
  return value;
}

/** What the import screens show of a register: labels only, so no schema code reaches the browser. */
export function registerSummary(key: RegisterKey) {
  const def = registerDefs[key];
  return {
    key,
    label: def.label,
    labelEn: def.labelEn,
    fields: def.fields.map((field) => ({ key: field.key, column: field.column ?? field.key, label: field.label, labelEn: field.labelEn ?? field.label, required: field.required })),
  };
}

export type RegisterSummary = ReturnType<typeof registerSummary>;
