import { Form, data, redirect, useActionData, useLoaderData, useLocation } from 'react-router';
import { Notice } from '@tally/ui';
import type { MessageKey } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { sessionCookie } from '../.server/auth/cookie.ts';
import { signIn } from '../.server/auth/sessions.ts';
import { signInThrottle } from '../.server/auth/sign-in-throttle.ts';
import { isCleanText } from '../.server/input-text.ts';
import { localPathFor } from '../.server/local-path.ts';
import { contextFor } from '../.server/request.ts';
import { requestDatabase } from '../.server/services/database.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/login';

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const current = await contextFor(request, context);
  if (current.actor) throw redirect(localPathFor(url.searchParams.get('next'), request));
  return { expired: url.searchParams.get('expired') === '1' };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const loginName = String(form.get('loginName') ?? '').trim();
  const password = String(form.get('password') ?? '');
  // A NUL byte would reach Postgres and fail there (22021): refuse it as a failed sign-in.
  if (!isCleanText(loginName) || !isCleanText(password)) {
    const refused: MessageKey = 'login.failed';
    return { messageKey: refused, loginName: '' };
  }
  const now = new Date();
  const source = context.ip ?? 'unknown';
  const db = requestDatabase().db;
  if (!(await signInThrottle.begin(db, source, now))) {
    const messageKey: MessageKey = 'login.tooMany';
    return data({ messageKey, loginName }, { status: 429 });
  }
  const result = await signIn(db, { loginName, password, ip: context.ip, now });
  if (result.ok) {
    await signInThrottle.succeeded(db, source, now);
    const next = localPathFor(new URL(request.url).searchParams.get('next'), request);
    return redirect(next, { headers: { 'Set-Cookie': sessionCookie(result.token, context.secureCookies) } });
  }
  // One answer for every failure: it must not tell an unknown name from a locked or disabled account.
  const messageKey: MessageKey = 'login.failed';
  return { messageKey, loginName };
}

export const handle = titleHandle((t) => t('login.title'));

export default function Login() {
  const { t } = useI18n();
  const { expired } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const location = useLocation();
  return (
    <main className="login-page">
      <div className="login-card">
        <h1>{t('app.title')}</h1>
        <h2>{t('login.title')}</h2>
        {expired && !failure && <Notice kind="info">{t('login.expired')}</Notice>}
        {failure && <Notice kind="error">{t(failure.messageKey)}</Notice>}
        <Form method="post" action={`/login${location.search}`}>
          <label>
            {t('login.loginName')}
            <input
              name="loginName"
              autoComplete="username"
              required
              defaultValue={failure?.loginName ?? ''}
              // biome-ignore lint/a11y/noAutofocus: signing in is the page's only task; the clerk types at once.
              autoFocus
            />
          </label>
          <label>
            {t('login.password')}
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <button type="submit">{t('login.submit')}</button>
        </Form>
        <LanguageSwitch />
      </div>
    </main>
  );
}
