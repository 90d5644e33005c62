import { Form, useActionData, useLoaderData } from 'react-router';
import { UnitTree } from '@tally/ui';
import { ActionNotice } from '../components/action-notice.tsx';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction } from '../.server/action-result.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/units';

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, ['county_admin'], request, context);
  return { units: await caller.units.tree() };
});

export const action = pageHandler(async ({ request, context }: Route.ActionArgs) => {
  const { caller } = await requireCaller(request, context);
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '').trim();
  switch (field('intent')) {
    case 'create':
      return runAction(
        () => caller.units.create({ parentCode: field('parentCode'), code: field('code'), name: field('name') }),
        {
          messageKey: 'units.created',
          params: { name: field('name') },
        },
      );
    case 'rename':
      return runAction(() => caller.units.rename({ code: field('code'), name: field('name') }), {
        messageKey: 'units.saved',
      });
    case 'set-active':
      return runAction(() => caller.units.setActive({ code: field('code'), active: field('active') === 'true' }), {
        messageKey: 'units.saved',
      });
    default:
      throw new Response('unknown intent', { status: 400 });
  }
});

export const handle = titleHandle((t) => t('units.title'));

export default function Units() {
  const { units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const parents = units.filter((unit) => unit.level !== 'village' && unit.active);
  return (
    <section>
      <h1>{t('units.title')}</h1>
      <ActionNotice result={result} />
      <Form method="post" className="inline-form" aria-label={t('units.create')}>
        <input type="hidden" name="intent" value="create" />
        <label>
          {t('units.parent')}
          <select name="parentCode" required>
            {parents.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}（{t(`level.${unit.level}`)}）
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('units.code')}
          <input name="code" required inputMode="numeric" pattern="\d{12}" maxLength={12} placeholder="130534100201" />
        </label>
        <label>
          {t('units.name')}
          <input name="name" required maxLength={60} />
        </label>
        <button type="submit">{t('units.create')}</button>
      </Form>
      <UnitTree
        units={units}
        inactiveLabel={t('units.inactive')}
        renderExtra={(unit) =>
          unit.level === 'county' ? null : (
            <span className="row-actions">
              <Form method="post" className="mini-form">
                <input type="hidden" name="intent" value="rename" />
                <input type="hidden" name="code" value={unit.code} />
                <input
                  name="name"
                  defaultValue={unit.name}
                  aria-label={`${t('units.rename')} ${unit.name}`}
                  maxLength={60}
                  required
                />
                <button type="submit">{t('units.rename')}</button>
              </Form>
              <Form method="post" className="mini-form">
                <input type="hidden" name="intent" value="set-active" />
                <input type="hidden" name="code" value={unit.code} />
                <input type="hidden" name="active" value={unit.active ? 'false' : 'true'} />
                <button type="submit">{unit.active ? t('units.deactivate') : t('units.activate')}</button>
              </Form>
            </span>
          )
        }
      />
    </section>
  );
}
