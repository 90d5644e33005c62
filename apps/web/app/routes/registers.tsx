import { Link, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { registerDefs, registerKeys } from '@tally/db/registers';
import { labelOf } from '../components/registers/field-display.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/registers';

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const counts = await caller.registers.overview();
  return {
    registers: registerKeys.map((key) => ({
      key,
      label: registerDefs[key].label,
      labelEn: registerDefs[key].labelEn,
      count: counts[key],
    })),
  };
});

export const handle = titleHandle((t) => t('registers.title'));

export default function Registers() {
  const { registers } = useLoaderData<typeof loader>();
  const { language, t } = useI18n();
  return (
    <section>
      <h1>{t('registers.title')}</h1>
      <p>{t('registers.intro')}</p>
      <ul className="register-cards">
        {registers.map((register) => (
          <li key={register.key}>
            <Link to={register.key}>{labelOf(register, language)}</Link>
            <span className="count">{t('registers.rows', { count: register.count })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
