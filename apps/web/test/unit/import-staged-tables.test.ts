import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createRoutesStub } from 'react-router';
import { describe, expect, it } from 'vitest';
import { registerSummary } from '../../app/.server/imports/register-param.ts';
import { RowErrors } from '../../app/components/imports/row-errors.tsx';
import { ExistingRows, NewRows } from '../../app/components/imports/staged-rows-table.tsx';
import { WarningRows } from '../../app/components/imports/warning-rows.tsx';

/* The import preview's tables of staged rows: one table each for messages and for values, same markup everywhere. */
/** What the stub route shows: set by render() before each render (the route's component is defined once). */
let shown: ReactNode = null;
function Shown() {
  return shown;
}

function render(element: ReactNode, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  shown = element;
  const Stub = createRoutesStub([{ id: 'root', path: '/', Component: Shown, loader: () => ({ language }) }]);
  return renderToStaticMarkup(
    createElement(Stub, { initialEntries: ['/?x=1'], hydrationData: { loaderData: { root: { language } } } }),
  );
}

const problem = (zh: string) => ({ column: '日期', field: 'date', zh, en: `en ${zh}` });
const register = registerSummary('disputes');
const fields = register.fields.slice(0, 6);
const values = Object.fromEntries(fields.map((field, index) => [field.column, index === 0 ? '2026-03-05' : null]));

describe('staged row tables', () => {
  it('lists every message of every row, with its own test id and pager parameter', () => {
    const errors = render(
      createElement(RowErrors, {
        rows: [
          { rowNumber: 3, errors: [problem('缺少'), problem('格式')] },
          { rowNumber: 5, errors: null },
        ],
        total: 60,
        page: 1,
        pageSize: 20,
      }),
    );
    expect(errors).toContain('<table class="data-table" data-testid="import-errors">');
    expect(errors.match(/<tr><td>3<\/td><td>日期<\/td><td>(缺少|格式)<\/td><\/tr>/g)).toHaveLength(2);
    expect(errors).toContain('<nav class="pager" aria-label="errors">');
    expect(errors).toContain('href="/?x=1&amp;errors=2"');

    const warnings = render(
      createElement(WarningRows, {
        rows: [{ rowNumber: 4, warnings: [problem('年份可疑')] }],
        total: 30,
        page: 2,
        pageSize: 20,
      }),
      'en',
    );
    expect(warnings).toContain('<table class="data-table" data-testid="import-warnings">');
    expect(warnings).toContain('<tr><td>4</td><td>日期</td><td>en 年份可疑</td></tr>');
    expect(warnings).toContain('<nav class="pager" aria-label="warnings">');
    expect(warnings).toContain('href="/?x=1&amp;warnings=1"');
  });

  it('shows no warnings table without warnings, and says so for errors', () => {
    const empty = { rows: [], total: 0, page: 1, pageSize: 20 };
    expect(render(createElement(WarningRows, empty))).toBe('');
    expect(render(createElement(RowErrors, empty))).not.toContain('<table');
  });

  it('shows new and existing rows in one table shape, hidden text withheld, a warned new row marked', () => {
    const hidden = [fields[1]!.column];
    const fresh = render(
      createElement(NewRows, {
        rows: [{ rowNumber: 7, values, hidden, warned: true }],
        total: 1,
        page: 1,
        pageSize: 20,
        register,
      }),
    );
    const existing = render(
      createElement(ExistingRows, {
        rows: [{ rowNumber: 7, values, hidden }],
        total: 1,
        page: 1,
        pageSize: 20,
        register,
      }),
    );
    expect(fresh).toContain(
      '<div style="overflow-x:auto;max-width:100%"><table class="data-table" data-testid="import-new">',
    );
    expect(existing).toContain('<table class="data-table" data-testid="import-existing">');
    const body = (html: string) => html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    const headings = (html: string) => html.slice(html.indexOf('<thead>'), html.indexOf('</thead>'));
    expect(headings(fresh)).toBe(headings(existing));
    expect(body(fresh)).toContain('<td>7 ');
    expect(body(existing)).toContain('<td>7</td>');
    expect(body(fresh).replace(/<td>7 [^<]*<\/td>/, '<td>7</td>')).toBe(body(existing));
    expect(body(existing).match(/<td>/g)).toHaveLength(1 + fields.length);
  });
});
