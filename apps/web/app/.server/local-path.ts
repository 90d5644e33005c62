/**
 * Where to send the browser after sign-in or a language switch: `value` as a path on this
 * site, or '/' when it would lead anywhere else. The browser's URL parser decides, not a
 * prefix test: it reads `/\host`, `/<TAB>/host` and `//host` as another host, which
 * `startsWith('/') && !startsWith('//')` let through.
 */
export function localPath(value: string | null | undefined, origin: string): string {
  if (!value) return '/';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  // `/.//host` resolves to the pathname `//host`, which a Location header would send off-site.
  if (url.pathname.startsWith('//')) return '/';
  return url.pathname + url.search + url.hash;
}

/** The same for a request: the origin is the request's own. */
export function localPathFor(value: string | null | undefined, request: Request): string {
  return localPath(value, new URL(request.url).origin);
}
