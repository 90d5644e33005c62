import { importDef, isImportKey, listPathOf, type ImportKey } from './import-registers.ts';

/** The register named in the URL, or a 404: the key list is the imports' own. */
export function registerParam(value: string | undefined): ImportKey {
  if (!value || !isImportKey(value)) throw new Response('unknown register', { status: 404 });
  return value;
}

/** What the import screens show of a register: labels and enum words only, so no schema code reaches the browser. */
export function registerSummary(key: ImportKey) {
  const def = importDef(key);
  return {
    key,
    label: def.label,
    labelEn: def.labelEn,
    listPath: listPathOf(key),
    fields: def.fields.map((field) => ({
      key: field.key,
      column: field.column ?? field.key,
      label: field.label,
      labelEn: field.labelEn ?? field.label,
      required: field.required,
      type: field.type,
      enum: field.enum,
    })),
  };
}

export type RegisterSummary = ReturnType<typeof registerSummary>;
