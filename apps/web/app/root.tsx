import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError, type LoaderFunctionArgs } from 'react-router';
import { languageFromCookie } from './i18n/index.ts';
import { useI18n } from './lib/i18n-context.ts';
import './app.css';

export function loader({ request }: LoaderFunctionArgs) {
  return { language: languageFromCookie(request.headers.get('cookie')) };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { language, t } = useI18n();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('app.title')}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
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
  const message = status === 403 ? t('error.forbidden') : status === 404 ? t('error.notFound') : t('error.generic');
  return (
    <main className="error-page">
      <h1>{status}</h1>
      <p>{message}</p>
      <a href="/">{t('nav.home')}</a>
    </main>
  );
}
