import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createRoutesStub } from 'react-router';
import { describe, expect, it } from 'vitest';
import { IntakeForm } from '../../app/components/cases/intake-form.tsx';

/*
 * A refused intake field, as on the ledger form: the message stands outside the field's label
 * (a screen reader hears it once, as the field's description, not twice as part of its name),
 * and the field points to it with aria-describedby.
 */
function IntakeWithFailure() {
  return createElement(IntakeForm, {
    defaultReceivedAt: '2026-12-06T09:00',
    failure: {
      message: '身份证号码校验位错误，请核对',
      field: 'petitionerIdNumber',
      values: { petitionerName: '李建国' },
    },
  });
}

function render(): string {
  const Stub = createRoutesStub([{ id: 'root', path: '/', Component: IntakeWithFailure }]);
  return renderToStaticMarkup(createElement(Stub, { initialEntries: ['/'] }));
}

/** The text of every <label> element, markup removed. */
const labelTexts = (html: string) =>
  [...html.matchAll(/<label[^>]*>([\s\S]*?)<\/label>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));

describe('intake form: a refused field', () => {
  it('has its message outside every label, tied to the field by aria-describedby', () => {
    const html = render();
    const message = html.match(
      /<small id="([^"]+)" class="field-error" data-field-error="petitionerIdNumber">([^<]*)<\/small>/,
    );
    expect(message?.[2]).toBe('身份证号码校验位错误，请核对');
    const field = html.match(/<input[^>]*name="petitionerIdNumber"[^>]*>/)?.[0] ?? '';
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain(`aria-describedby="${message?.[1]}"`);
    expect(labelTexts(html).filter((text) => text.includes('校验位'))).toEqual([]);
    expect(labelTexts(html).some((text) => text.includes('信访人身份证号码'))).toBe(true);
    // Only the refused field is marked, and what was typed is kept.
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(1);
    expect(html).toMatch(/<input[^>]*name="petitionerName"[^>]*value="李建国"/);
  });
});
