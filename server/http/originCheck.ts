import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './HttpError.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const crossSite = () =>
  HttpError.of(403, 'CROSS_SITE_REQUEST', 'Cross-site request refused', 'Cette action vient d’un autre site que DataPass : elle est refusée. Refaites-la depuis les pages de DataPass.');

/** The `host[:port]` of an origin, or undefined for `null` and anything that is not an http(s) origin. */
function hostOf(origin: string): { origin: string; host: string } | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? { origin: url.origin, host: url.host } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) that a browser says comes from another site,
 * beside the CSRF token, which stays required: a second lock that holds should the token leak. The site is
 * `publicUrl`'s origin (`PUBLIC_URL`), or, without it, the request's own `Host` (the scheme is not compared
 * then: behind a TLS proxy the server may see http). Without `Origin`, or with `Origin: null`,
 * `Sec-Fetch-Site: cross-site` refuses too. A request with neither (curl, server to server, the
 * tests) is judged by the CSRF token alone, as before: no browser forges a request without them.
 */
export function originCheck(publicUrl: string | undefined) {
  const site = publicUrl?.trim() ? hostOf(publicUrl.trim()) : undefined;
  if (publicUrl?.trim() && !site) throw new Error(`PUBLIC_URL « ${publicUrl} » is not an http(s) URL.`);
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const origin = req.get('origin')?.trim();
    // `Origin: null` names no site: browsers send it for the platform's own forms too, its pages having
    // `Referrer-Policy: no-referrer` (helmet's default), so Sec-Fetch-Site decides then.
    if (origin !== undefined && origin !== 'null') {
      const from = hostOf(origin);
      const ours = from !== undefined && (site ? from.origin === site.origin : from.host === req.get('host'));
      return next(ours ? undefined : crossSite());
    }
    if (req.get('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') return next(crossSite());
    next();
  };
}
