/**
 * The REST routes' answers, cached per indexed head (cache.ts): every answer is a function of the
 * indexed state at the head and of chain reads at the head's block, so between two blocks a route
 * answers each URL once and serves the same bytes to every later request. A burst of requests at a
 * new head shares one computation per URL; the head itself is read once per burst (coalesced).
 *
 * Kept: 200s, and the 400s and 404s (a 404 is the head's answer too: the same URL may find the row
 * at a later head). Never kept: 5xx (the chain or the database failed: the next request tries
 * again). A request with `Cache-Control: no-cache` is computed afresh (and not kept): the same
 * database queries and the same per-block chain reads as a miss, which is what the API benchmark's
 * uncached column measures. Answers carry `X-Atlas-Cache: hit | miss | bypass`.
 *
 * The routes find the head the answer is for in `c.get("head")`, so an answer and its cache key
 * agree. If the head cannot be read (nothing indexed yet), the request goes through uncached and
 * the routes answer as they would without the cache.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

import { HeadCache, type HeadVersion } from "./cache.ts";

export interface ResponseCacheOptions<H extends HeadVersion> {
  /** A fresh read of the head (coalesced: see head.ts). */
  readonly readHead: () => Promise<H>;
  /** Paths answered without the cache (GraphQL, SQL over HTTP). */
  readonly skip?: (path: string) => boolean;
  /** URLs kept per head at most. */
  readonly maxEntries?: number;
}

/** The variables the middleware sets: the head the answer is computed at. */
export interface HeadVariables<H extends HeadVersion> {
  head: H;
}

interface CachedResponse {
  readonly status: ContentfulStatusCode;
  readonly body: string;
  readonly contentType: string;
}

const CACHED_STATUSES = new Set([200, 400, 404]);
const HEADER = "X-Atlas-Cache";

export function responseCache<H extends HeadVersion>(
  options: ResponseCacheOptions<H>,
): MiddlewareHandler<{ Variables: HeadVariables<H> }> {
  const cache = new HeadCache<CachedResponse | undefined>(options.maxEntries);
  return async (c, next) => {
    if (c.req.method !== "GET" || options.skip?.(c.req.path) === true) return next();
    let head: H;
    try {
      head = await options.readHead();
    } catch {
      return next(); // the routes read the head themselves and answer the error
    }
    c.set("head", head);
    if (/\bno-cache\b/i.test(c.req.header("cache-control") ?? "")) {
      await next();
      c.res.headers.set(HEADER, "bypass");
      return;
    }
    const url = new URL(c.req.url);
    const name = `${url.pathname}${url.search}`;
    let computedHere = false;
    const entry = await cache.get(head, name, async () => {
      computedHere = true;
      await next();
      return keep(c);
    });
    if (computedHere) {
      if (entry === undefined) cache.delete(head, name);
      c.res.headers.set(HEADER, "miss");
      return;
    }
    if (entry === undefined) {
      await next(); // the shared computation failed: compute this one on its own
      return;
    }
    return c.body(entry.body, entry.status, { "content-type": entry.contentType, [HEADER]: "hit" });
  };
}

/** The answer as kept, or undefined if it must not be kept. */
async function keep(c: Context): Promise<CachedResponse | undefined> {
  const response = c.res;
  if (!CACHED_STATUSES.has(response.status)) return undefined;
  return {
    status: response.status as ContentfulStatusCode,
    body: await response.clone().text(),
    contentType: response.headers.get("content-type") ?? "application/json",
  };
}
