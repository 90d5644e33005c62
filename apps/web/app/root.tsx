import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
  type LoaderFunctionArgs,
} from 'react-router';
import { languageFromCookie } from './i18n/index.ts';
import { useCspNonce } from './lib/csp-nonce.ts';
import { useI18n } from './lib/i18n-context.ts';
import { documentTitle } from './lib/page-title.ts';
import './app.css';

export function loader({ request }: LoaderFunctionArgs) {
  return { language: languageFromCookie(request.headers.get('cookie')) };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { language, t } = useI18n();
  const nonce = useCspNonce();
  const matches = useMatches();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle(matches, t, language)}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A refusal from server/page-errors.ts carries its message, already in the user's language.
  const carried = isRouteErrorResponse(error) ? (error.data as { message?: unknown } | null)?.message : undefined;
  const message =
    typeof carried === 'string'
      ? carried
      : status === 403
        ? t('error.forbidden')
        : status === 404
          ? t('error.notFound')
          : status === 400
            ? t('error.badRequest')
            : t('error.generic');
  return (
    <main className="error-page">
      <h1>{status}</h1>
      <p>{message}</p>
      <a href="/">{t('nav.home')}</a>
    </main>
  );
}
