import { isRegisterKey, registerDefs, type RegisterKey } from '@tally/db/registers';
import type { ListFilters } from './list-query.ts';

/** The register named in the URL, or a 404 for anything else. */
export function registerFromParams(params: { register?: string }): RegisterKey {
  const key = params.register ?? '';
  if (!isRegisterKey(key)) throw new Response('Not Found', { status: 404 });
  return key;
}

/**
 * List filters from a GET form's query string: `unit`, `from`, `to`, `q`, and `f.<field>`
 * for enumerated fields. Empty values mean "any"; the procedure validates the rest.
 */
export function filtersFromSearch(key: RegisterKey, search: URLSearchParams): ListFilters {
  const value = (name: string) => search.get(name)?.trim() || undefined;
  const filters: Record<string, string> = {};
  for (const field of registerDefs[key].fields) {
    const chosen = value(`f.${field.key}`);
    if (field.enum && chosen) filters[field.key] = chosen;
  }
  return { unitCode: value('unit'), from: value('from'), to: value('to'), q: value('q'), filters };
}
