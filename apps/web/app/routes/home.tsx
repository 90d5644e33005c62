import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { UnitTree } from '@tally/ui';
import { useI18n } from '../lib/i18n-context.ts';
import { requireCaller } from '../server/request.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, actor } = await requireCaller(request, context);
  const me = await caller.session.me();
  // The auditor sees the audit log only: no unit tree.
  const units = actor.role === 'auditor' ? [] : await caller.units.tree();
  return { me, units };
}

export default function Home() {
  const { me, units } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const below = units.filter((unit) => unit.code !== me.unitCode);
  return (
    <section>
      <h1>{t('home.welcome', { name: me.displayName })}</h1>
      <dl className="facts">
        <dt>{t('home.unit')}</dt>
        <dd>
          {me.unitName} <code>{me.unitCode}</code>
        </dd>
        <dt>{t('home.role')}</dt>
        <dd>{t(`role.${me.role}`)}</dd>
      </dl>
      {me.role !== 'auditor' && (
        <>
          <h2>{t('home.unitsBelow')}</h2>
          {below.length === 0 ? <p>{t('home.noUnitsBelow')}</p> : <UnitTree units={units} inactiveLabel={t('units.inactive')} />}
        </>
      )}
    </section>
  );
}
