import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { inspectionComponents, type InspectionComponent } from '@tally/db/assessment';
import { ImportError, normaliseHeader, previewImport, type PreviewResult, type RowError } from '@tally/imports';
import { translator } from '../../i18n/index.ts';
import { UserFacingError } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { scoresInForce } from './current-scores.ts';
import { enterInspection, inspectionCellId } from './enter-inspection.ts';
import { ImportRefusal } from './import-refusal.ts';
import { periodProblem } from './inspection-periods.ts';
import { parseInspectionScore, sameScore } from './inspection-score.ts';
import { scoreSheet, sheetMonth, sheetYear } from './score-sheet.ts';

/** A score sheet has a row per unit and period: a township's 15 villages × 14 periods is 210. */
export const SCORE_SHEET_LIMITS = { maxRows: 10_000 };

interface PlannedEntry {
  row: number;
  unitCode: string;
  year: number;
  component: InspectionComponent;
  periodNo: number;
  score: string;
}

/** Row errors worded as the import engine words its own: row as Excel numbers it, column as the file spells it. */
function rowErrors(parsed: PreviewResult) {
  const errors: RowError[] = [...parsed.errors];
  const columnOf = (key: string) => {
    const index = Object.entries(parsed.mapping.mapping).find(([, mapped]) => mapped === key)?.[0];
    const label = scoreSheet.fields.find((field) => field.key === key)?.label ?? key;
    return index === undefined ? label : (parsed.headers[Number(index)] ?? label);
  };
  const add = (row: number, key: string, zh: string, en: string) => {
    const column = columnOf(key);
    errors.push({
      row,
      column,
      field: key,
      zh: `第 ${row} 行「${column}」：${zh}`,
      en: `Row ${row}, "${column}": ${en}`,
    });
  };
  return { errors, add };
}

async function unitsCheckedBy(tx: Transaction, ctx: AuthedContext) {
  const units = await tx
    .select({ code: schema.units.code, name: schema.units.name })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.parentCode, ctx.actor.unitCode)));
  const byName = new Map<string, string[]>();
  for (const unit of units)
    byName.set(normaliseHeader(unit.name), [...(byName.get(normaliseHeader(unit.name)) ?? []), unit.code]);
  return { byCode: new Map(units.map((unit) => [unit.code, unit.name])), byName };
}

/**
 * Import the checking unit's own score sheet (单位代码/单位名称, 年度, 检查类别, 月份, 得分): every
 * row checked first, then all of it entered in one transaction, or nothing when any row is wrong.
 * A row equal to the score in force is left alone; a different one is a correction and needs the
 * import's reason. Each entry is audited as a typed one is, and the import once more as a whole.
 */
export async function importInspectionScores(
  ctx: AuthedContext,
  input: { fileName: string; bytes: Uint8Array; reason?: string | null | undefined },
) {
  let parsed: PreviewResult;
  try {
    parsed = await previewImport({
      now: ctx.now,
      bytes: input.bytes,
      fileName: input.fileName,
      register: scoreSheet,
      limits: SCORE_SHEET_LIMITS,
    });
  } catch (error) {
    if (error instanceof ImportError)
      throw new UserFacingError('BAD_REQUEST', 'error.domain', { zh: error.zh, en: error.en });
    throw error;
  }
  const reason = input.reason?.trim() || null;
  const today = shanghaiDate(ctx.now);
  const mapped = new Set(Object.values(parsed.mapping.mapping));
  if (!mapped.has('unitCode') && !mapped.has('unitName')) {
    throw new ImportRefusal([
      {
        row: 1,
        column: '',
        field: 'unitCode',
        zh: '第 1 行：缺少「单位代码」或「单位名称」列',
        en: 'Row 1: a "单位代码" (unit code) or "单位名称" (unit name) column is needed',
      },
    ]);
  }

  return ctx.run(async (tx) => {
    const { errors, add } = rowErrors(parsed);
    const units = await unitsCheckedBy(tx, ctx);
    const plan: PlannedEntry[] = [];
    const rowOfCell = new Map<string, number>();

    for (const { row, values } of parsed.validRows) {
      const before = errors.length;
      const code = String(values.unitCode ?? '')
        .normalize('NFKC')
        .replace(/\s/g, '');
      const name = String(values.unitName ?? '').trim();
      let unitCode: string | null = null;
      if (code) {
        const known = units.byCode.get(code);
        if (!known)
          add(
            row,
            'unitCode',
            `“${code}”不是本单位直接下辖的单位（县评乡镇，乡镇评村）`,
            `"${code}" is not a unit directly below yours (county → townships, township → villages)`,
          );
        else if (
          name &&
          !normaliseHeader(known).includes(normaliseHeader(name)) &&
          !normaliseHeader(name).includes(normaliseHeader(known))
        ) {
          add(
            row,
            'unitName',
            `“${name}”与单位代码 ${code} 对应的“${known}”不符`,
            `"${name}" does not match "${known}", the unit with code ${code}`,
          );
        } else unitCode = code;
      } else if (name) {
        const matches = units.byName.get(normaliseHeader(name)) ?? [];
        if (matches.length === 1) unitCode = matches[0]!;
        else if (matches.length > 1)
          add(
            row,
            'unitName',
            `“${name}”有重名，请填写单位代码`,
            `"${name}" names more than one unit; give the unit code`,
          );
        else add(row, 'unitName', `“${name}”不是本单位直接下辖的单位`, `"${name}" is not a unit directly below yours`);
      } else {
        add(row, 'unitCode', '须填写单位代码或单位名称', 'a unit code or a unit name is needed');
      }

      const year = sheetYear(String(values.year ?? ''));
      if (year === null)
        add(row, 'year', `“${values.year}”不是有效年度（如 2026）`, `"${values.year}" is not a valid year (e.g. 2026)`);
      // The engine has checked the cell against the sheet's options, which are the stored components.
      const component = inspectionComponents.find((known) => known === values.component) ?? 'routine';
      const month = sheetMonth(String(values.month ?? ''));
      let periodNo = 1;
      if (component === 'routine') {
        if (month === null || !(month >= 1 && month <= 12))
          add(row, 'month', '例行检查须填写 1–12 月', 'routine inspections need a month from 1 to 12');
        else periodNo = month;
      } else if (month !== null && month !== 1) {
        add(
          row,
          'month',
          '半年检查和年终检查只有一期，月份请留空',
          'half-year and year-end inspections have one period; leave the month empty',
        );
      }
      if (year !== null && errors.length === before) {
        const problem = periodProblem(year, component, periodNo, today);
        if (problem)
          add(
            row,
            component === 'routine' ? 'month' : 'year',
            '该期次尚未开始，不能录入得分',
            'that period has not begun; no score can be entered for it',
          );
      }
      const score = parseInspectionScore(String(values.score ?? ''));
      if (score === null)
        add(
          row,
          'score',
          `“${values.score}”不是有效得分：须为 0–100，最多两位小数`,
          `"${values.score}" is not a valid score: 0–100 with at most two decimals`,
        );

      if (errors.length > before || unitCode === null || year === null || score === null) continue;
      const cell = inspectionCellId({ unitCode, year, component, periodNo });
      const earlier = rowOfCell.get(cell);
      if (earlier !== undefined) {
        add(row, 'score', `与第 ${earlier} 行是同一单位同一期次的得分`, `same unit and period as row ${earlier}`);
        continue;
      }
      rowOfCell.set(cell, row);
      plan.push({ row, unitCode, year, component, periodNo, score });
    }
    if (errors.length > 0) throw new ImportRefusal(errors.sort((a, b) => a.row - b.row));
    if (plan.length === 0) throw new UserFacingError('BAD_REQUEST', 'checks.import.noRows');

    // The scores in force of every cell the sheet names, one read per year and component.
    const inForce = new Map<string, { score: string; version: number }>();
    const groups = new Map<string, PlannedEntry[]>();
    for (const entry of plan)
      groups.set(`${entry.year}:${entry.component}`, [
        ...(groups.get(`${entry.year}:${entry.component}`) ?? []),
        entry,
      ]);
    for (const entries of groups.values()) {
      const first = entries[0]!;
      for (const found of await scoresInForce(
        tx,
        ctx.actor.countyId,
        [...new Set(entries.map((entry) => entry.unitCode))],
        first.year,
        first.component,
      )) {
        inForce.set(inspectionCellId({ ...found, year: first.year, component: first.component }), found);
      }
    }

    let unchanged = 0;
    const writes: Array<PlannedEntry & { expectedVersion: number; correction: boolean }> = [];
    for (const entry of plan) {
      const current = inForce.get(inspectionCellId(entry));
      if (current && sameScore(current.score, entry.score)) {
        unchanged++;
        continue;
      }
      if (current && !reason) {
        add(
          entry.row,
          'score',
          `该期次已有得分 ${current.score}（第 ${current.version} 版），更正须填写更正原因`,
          `that period already has the score ${current.score} (version ${current.version}); a correction needs a reason`,
        );
        continue;
      }
      writes.push({ ...entry, expectedVersion: current?.version ?? 0, correction: Boolean(current) });
    }
    if (errors.length > 0) throw new ImportRefusal(errors.sort((a, b) => a.row - b.row));

    for (const write of writes) {
      try {
        await enterInspection(tx, ctx, { ...write, reason: write.correction ? reason : null });
      } catch (error) {
        // Only a race gets here (someone entered the same cell meanwhile): name the row.
        if (!(error instanceof UserFacingError)) throw error;
        const say = (language: 'zh-CN' | 'en') => translator(language)(error.messageKey, error.params);
        throw new ImportRefusal([
          {
            row: write.row,
            column: '',
            field: 'score',
            zh: `第 ${write.row} 行：${say('zh-CN')}`,
            en: `Row ${write.row}: ${say('en')}`,
          },
        ]);
      }
    }
    const counts = {
      entered: writes.filter((write) => !write.correction).length,
      corrected: writes.filter((write) => write.correction).length,
      unchanged,
      duplicateRows: parsed.duplicateRowsInFile.length,
    };
    await auditChange(tx, ctx, {
      action: 'checks.importInspections',
      objectType: 'inspection_score_import',
      objectId: ctx.actor.unitCode,
      detail: { fileName: input.fileName, bytes: input.bytes.length, rows: parsed.totalRows, reason, ...counts },
    });
    return { fileName: input.fileName, ...counts };
  });
}
