import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import { notFound } from '../HttpError.js';
import { clientAssets } from './clientAssets.js';

const DSFR_DIST = join(dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/package.json')), 'dist');

/** The DSFR's files under /dsfr, and the platform's own (client bundles, stylesheet) under /assets. */
export function assetRoutes(): Router {
  const router = Router();
  router.use('/dsfr', express.static(DSFR_DIST, { maxAge: '7d', index: false }));
  // What the DSFR does not have (a missing file, a malformed name, another method than GET) is not found,
  // here rather than among the pages.
  router.use('/dsfr', (_req, _res, next) => next(notFound('Ce fichier')));
  router.get('/assets/:name', async (req, res) => {
    const found = (await clientAssets()).get(req.params.name);
    if (!found) throw notFound('Ce fichier');
    res.setHeader('etag', found.etag);
    res.setHeader('cache-control', 'public, max-age=300');
    if (req.get('if-none-match') === found.etag) return void res.status(304).end();
    res.type(found.type).send(found.body);
  });
  return router;
}
