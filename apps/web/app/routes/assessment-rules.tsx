import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { Notice } from '@tally/ui';
import { caseDataRoles } from '@tally/db';
import { ActionNotice } from '../components/action-notice.tsx';
import { RuleEditor, type EditorProblem } from '../components/assessment/rule-editor.tsx';
import assessmentStyles from '../components/assessment/assessment.css?url';
import { formatDateTime, isMessageKey, type Translate } from '../i18n/index.ts';
import { assessmentParams } from '../lib/assessment-params.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction, type ActionResult } from '../.server/action-result.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { ruleSetTemplateNames, type RuleSetTemplate } from '../.server/assessment/rule-set-templates.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/assessment-rules';

export const links = () => [{ rel: 'stylesheet', href: assessmentStyles }];

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const { year } = assessmentParams(new URL(request.url).searchParams, actor, new Date());
  return { ...(await caller.assessment.ruleSets({ year })), countyCode: `${actor.scope.slice(0, 6)}000000` };
});

/** What a new draft starts from; an unknown value falls back to the default scheme. */
function draftSource(value: string): 'published' | RuleSetTemplate {
  if (value === 'published') return value;
  return ruleSetTemplateNames.find((name) => name === value) ?? 'default';
}

type SaveRefusal = {
  ok: false;
  kind: 'fields';
  posted: Record<string, string>;
  fieldProblems: Array<{ name: string; ruleId: string; property: string; part?: string; reason: string }>;
  ruleProblems: Array<{ ruleId?: string; message: string }>;
};

export const action = pageHandler(
  async ({ request, context }: Route.ActionArgs): Promise<ActionResult | SaveRefusal> => {
    const { caller } = await requireCaller(request, context);
    const form = await request.formData();
    const year = Number(form.get('year'));
    const version = Number(form.get('version'));
    switch (String(form.get('intent'))) {
      case 'start':
        return runAction(() => caller.assessment.startDraft({ year, from: draftSource(String(form.get('from'))) }), {
          messageKey: 'assessment.rules.saved',
        });
      case 'discard':
        return runAction(() => caller.assessment.discardDraft({ year, expectedVersion: version }), {
          messageKey: 'assessment.rules.discarded',
        });
      case 'publish':
        return runAction(() => caller.assessment.publishRuleSet({ year, expectedVersion: version }), {
          messageKey: 'assessment.rules.publishedNow',
        });
      default: {
        const posted = Object.fromEntries(
          [...form.entries()].filter(([name]) => /^r\d+\./.test(name)).map(([name, value]) => [name, String(value)]),
        );
        let refusal: SaveRefusal | null = null;
        const result = await runAction(
          async () => {
            const outcome = await caller.assessment.saveDraft({ year, expectedVersion: version, fields: posted });
            if (!outcome.ok)
              refusal = {
                ok: false,
                kind: 'fields',
                posted,
                fieldProblems: outcome.fieldProblems,
                ruleProblems: outcome.ruleProblems,
              };
          },
          { messageKey: 'assessment.rules.saved' },
        );
        return refusal ?? result;
      }
    }
  },
);

function problemMessages(
  refusal: SaveRefusal,
  rules: Array<{ id: string; label: string }>,
  t: Translate,
  fieldLabel: (property: string, part?: string) => string,
): EditorProblem[] {
  const ruleLabel = (id?: string) => rules.find((rule) => rule.id === id)?.label ?? id ?? '';
  return [
    ...refusal.fieldProblems.map((p) => {
      const key = `assessment.problem.${p.reason}`;
      return {
        name: p.name,
        message: isMessageKey(key)
          ? t(key, { rule: ruleLabel(p.ruleId), field: fieldLabel(p.property, p.part) })
          : p.reason,
      };
    }),
    ...refusal.ruleProblems.map((p) => ({
      name: '',
      message: t('assessment.problem.rule', { rule: ruleLabel(p.ruleId), message: p.message }),
    })),
  ];
}

export const handle = titleHandle((t) => t('assessment.rules.title'));

export default function AssessmentRules() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, language } = useI18n();
  const refusal = result && 'kind' in result ? result : null;
  const notice = result && !('kind' in result) ? result : undefined;
  const rulesOfDraft = data.draft?.rules ?? [];
  const fieldLabel = (property: string, part?: string) =>
    t(`assessment.field.${property}` as 'assessment.field.label', { part: part ?? '' });
  const problems = refusal ? problemMessages(refusal, rulesOfDraft, t, fieldLabel) : [];
  return (
    <section>
      <h1>{t('assessment.rules.title')}</h1>
      <Form method="get" className="inline-form">
        <label>
          {t('assessment.year')}
          <input type="number" name="year" min={2000} max={2100} defaultValue={data.year} required />
        </label>
        <button type="submit">{t('assessment.show')}</button>
      </Form>
      <ActionNotice result={notice} />
      <h2>{t('assessment.rules.inForce')}</h2>
      {data.published ? (
        <>
          <p>
            <strong>{data.published.label}</strong> ·{' '}
            {t('assessment.rules.version', {
              version: data.published.ruleVersion,
              at: data.published.publishedAt ? formatDateTime(data.published.publishedAt, language) : '',
              hash: data.published.hash.slice(0, 12),
            })}
          </p>
          <ul className="rule-list">
            {data.published.rules.map((rule) => (
              <li key={rule.id}>
                <strong>{rule.label}</strong>
                {rule.source ? `：${rule.source}` : ''}
              </li>
            ))}
          </ul>
          {data.history.length > 1 ? (
            <details>
              <summary>{t('assessment.rules.history')}</summary>
              <ul>
                {data.history.map((h) => (
                  <li key={h.id}>
                    {h.ruleVersion} · {h.publishedAt ? formatDateTime(h.publishedAt, language) : ''} ·{' '}
                    <code>{h.hash.slice(0, 12)}</code>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : (
        <Notice kind="info">{t('assessment.rules.none', { year: data.year })}</Notice>
      )}
      {data.canEdit ? (
        <>
          <h2>{t('assessment.rules.draft')}</h2>
          {data.draft ? (
            <>
              {problems.length ? (
                <div role="alert" className="notice notice-error">
                  <p>{t('assessment.rules.problems')}</p>
                  <ul>
                    {problems.map((p, i) => (
                      <li key={`${p.name}-${i}`}>{p.message}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <RuleEditor
                year={data.year}
                version={data.draft.version}
                rules={data.draft.rules}
                fields={data.draft.fields}
                posted={refusal?.posted ?? null}
                problems={problems.filter((p) => p.name)}
              />
              <p>
                <Link to={`/assessment/preview?year=${data.year}&period=year&scope=${data.countyCode}`}>
                  {t('assessment.rules.preview')}
                </Link>
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="year" value={data.year} />
                <input type="hidden" name="version" value={data.draft.version} />
                <button type="submit" name="intent" value="publish">
                  {t('assessment.rules.publishDraft')}
                </button>
                <button type="submit" name="intent" value="discard" className="secondary">
                  {t('assessment.rules.discard')}
                </button>
              </Form>
            </>
          ) : (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="start" />
              <input type="hidden" name="year" value={data.year} />
              <label>
                {t('assessment.rules.startFrom')}
                <select name="from" defaultValue={data.published ? 'published' : 'default'}>
                  {data.published ? (
                    <option value="published">{t('assessment.rules.template.published')}</option>
                  ) : null}
                  {data.templates.map((name) => (
                    <option key={name} value={name}>
                      {t(`assessment.rules.template.${name}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit">{t('assessment.rules.start')}</button>
            </Form>
          )}
        </>
      ) : null}
    </section>
  );
}
