/**
 * Refuse state-changing requests that did not come from our own pages.
 * Browsers send Sec-Fetch-Site on every request they make; older ones send
 * Origin on non-GET. A request with neither is not from a browser form (curl,
 * another system using the API with its session) and is allowed.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossSiteRequest(
  method: string,
  headers: { get(name: string): string | null },
  host: string | null,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = headers.get('origin');
  if (origin === null) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
