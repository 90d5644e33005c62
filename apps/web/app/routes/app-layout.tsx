import { Form, NavLink, Outlet, useLoaderData } from 'react-router';
import { useI18n } from '../lib/i18n-context.ts';
import { navigationFor } from '../lib/navigation.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller } from '../.server/request.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import type { Route } from './+types/app-layout';

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller } = await requireCaller(request, context);
  const me = await caller.session.me();
  return { me, navigation: navigationFor(me.role) };
});

export default function AppLayout() {
  const { me, navigation } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="shell">
      <header className="topbar">
        <strong className="brand">{t('app.title')}</strong>
        <nav className="nav-wide" aria-label={t('nav.menu')}>
          {navigation.map((item) => (
            <NavLink key={item.to} to={item.to} end>
              {t(item.labelKey)}
            </NavLink>
          ))}
        </nav>
        {/* On a phone the menu folds into a details element: it opens without JavaScript. */}
        <details className="nav-narrow">
          <summary>{t('nav.menu')}</summary>
          <nav aria-label={t('nav.menu')}>
            {navigation.map((item) => (
              <NavLink key={item.to} to={item.to} end>
                {t(item.labelKey)}
              </NavLink>
            ))}
          </nav>
        </details>
        <span className="whoami" data-testid="whoami">
          {me.unitName} · {me.displayName}（{t(`role.${me.role}`)}）
        </span>
        <LanguageSwitch />
        <Form method="post" action="/logout">
          <button type="submit" className="link-button">
            {t('nav.signOut')}
          </button>
        </Form>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
