import type { UIMatch, useLoaderData } from 'react-router';
import type { Language, Translate } from '../i18n/index.ts';

/**
 * A page's document title, declared as the route's `handle` so the root layout renders one
 * `<title>` for the deepest titled route: "信访件 130534-2026-000012 · 综治考评台账". Tabs,
 * history and bookmarks then tell pages apart. `data` is the route's loader data; a route
 * whose loader failed has none, and the layout falls back to the name of the app.
 */
export interface TitleHandle {
  title: (t: Translate, data: unknown, language: Language) => string;
}

/** The `handle` export of a titled route; `Data` is the loader's data as the page receives it. */
export function titleHandle<Data = unknown>(
  title: (t: Translate, data: Data, language: Language) => string,
): TitleHandle {
  return { title: (t, data, language) => title(t, data as Data, language) };
}

function isTitleHandle(handle: unknown): handle is TitleHandle {
  return typeof handle === 'object' && handle !== null && typeof (handle as { title?: unknown }).title === 'function';
}

/** The document title for the current matches: the deepest titled route with data, then the app's name. */
export function documentTitle(matches: readonly UIMatch[], t: Translate, language: Language): string {
  const app = t('app.title');
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i]!;
    if (!isTitleHandle(match.handle) || match.data === undefined) continue;
    const page = match.handle.title(t, match.data, language).trim();
    return page && page !== app ? `${page} · ${app}` : app;
  }
  return app;
}

/** A route's loader data as its page (and its title) receive it. */
export type LoaderData<Loader> = ReturnType<typeof useLoaderData<Loader>>;
