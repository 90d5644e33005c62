/*
 * Kept pages (docs/decisions/0025-kept-dashboard-pages.md): the rendered HTML of the county's most
 * read pages, kept in this process under a key that names everything the page is made of — the
 * reader (user, role, scope, display name), the address, the language, the Shanghai day and the
 * county's dashboard data version (bumped in the same transaction as any change to what these
 * pages read). A kept page is therefore never older than its key and never crosses readers. The
 * session is checked on every request before a kept page is looked up.
 *
 * What is kept is the body cut at this response's CSP nonce: each answer gets its own nonce.
 */

/** The pages kept: the ranking, the trends and a published breakdown (app/routes.ts). */
const keptPaths: readonly RegExp[] = [
  /^\/dashboard\/?$/,
  /^\/dashboard\/trends\/?$/,
  /^\/assessment\/results\/[^/]+\/[^/]+\/?$/,
];

/** Whether a document request for `pathname` may be answered by a kept page. */
export function isKeptPagePath(pathname: string): boolean {
  return keptPaths.some((pattern) => pattern.test(pathname));
}

export interface KeptPage {
  status: number;
  /** React Router's response headers (the security headers are set anew on each answer). */
  headers: readonly (readonly [string, string])[];
  /** The body cut at the nonce it was rendered with. */
  parts: readonly Buffer[];
  bytes: number;
}

/** `body` cut wherever `nonce` occurs (joined again with another nonce by `bodyWithNonce`). */
export function cutAtNonce(body: Buffer, nonce: string): Buffer[] {
  const parts: Buffer[] = [];
  const needle = Buffer.from(nonce);
  let start = 0;
  for (let at = body.indexOf(needle, start); at !== -1; at = body.indexOf(needle, start)) {
    parts.push(body.subarray(start, at));
    start = at + needle.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

/** The kept body with `nonce` where the rendered one was. */
export function bodyWithNonce(page: KeptPage, nonce: string): Buffer {
  const glue = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  page.parts.forEach((part, index) => {
    if (index > 0) pieces.push(glue);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

/**
 * The kept pages of this process: least recently used go first beyond `maxBytes` or
 * `maxEntries`. Readers of one key while it is being rendered wait for that one rendering.
 */
export class KeptPages {
  readonly #entries = new Map<string, Promise<KeptPage | null>>();
  readonly #sizes = new Map<string, number>();
  #bytes = 0;

  constructor(
    private readonly maxBytes = 32 * 1024 * 1024,
    private readonly maxEntries = 2_000,
  ) {}

  /** The page kept or being rendered under `key`; null when there is none. */
  find(key: string): Promise<KeptPage | null> | null {
    const found = this.#entries.get(key);
    if (!found) return null;
    this.#entries.delete(key);
    this.#entries.set(key, found);
    return found;
  }

  /**
   * Start keeping `key`: readers who find it now wait for `rendering`. A rendering that gives no
   * page to keep (an error, a redirect) leaves nothing behind.
   */
  keep(key: string, rendering: Promise<KeptPage | null>): void {
    this.#forget(key);
    this.#entries.set(key, rendering);
    rendering.then(
      (page) => {
        if (this.#entries.get(key) !== rendering) return;
        if (!page) {
          this.#entries.delete(key);
          return;
        }
        this.#sizes.set(key, page.bytes);
        this.#bytes += page.bytes;
        this.#evict();
      },
      () => {
        if (this.#entries.get(key) === rendering) this.#entries.delete(key);
      },
    );
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  #forget(key: string): void {
    this.#entries.delete(key);
    this.#bytes -= this.#sizes.get(key) ?? 0;
    this.#sizes.delete(key);
  }

  #evict(): void {
    for (const key of this.#entries.keys()) {
      if (this.#bytes <= this.maxBytes && this.#entries.size <= this.maxEntries) return;
      this.#forget(key);
    }
  }
}
