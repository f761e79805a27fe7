import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const RENDERER = fileURLToPath(new URL('../../../renderer/', import.meta.url));
const ENTRIES = { 'stepPage.js': 'client/stepPage.tsx', 'verifyConvention.js': 'client/verifyConvention.ts' };

let built: Promise<Map<string, Asset>> | undefined;

const asset = (body: Buffer, type: string): Asset => ({ body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });

/**
 * The browser's files, built once per process with esbuild from renderer/client (React, the DSFR theme and
 * the step page's logic in one minified module per page kind), plus the platform's stylesheet.
 */
export function clientAssets(): Promise<Map<string, Asset>> {
  built ??= (async () => {
    const result = await build({
      absWorkingDir: RENDERER,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([out, entry]) => [out.replace(/\.js$/, ''), entry])),
      bundle: true,
      format: 'esm',
      splitting: false,
      minify: true,
      sourcemap: false,
      target: ['es2020'],
      platform: 'browser',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      outdir: 'out',
      write: false,
      logLevel: 'silent',
    });
    const assets = new Map<string, Asset>();
    for (const file of result.outputFiles) assets.set(file.path.split('/').pop()!, asset(Buffer.from(file.contents), 'text/javascript; charset=utf-8'));
    assets.set('app.css', asset(readFileSync(`${RENDERER}assets/app.css`), 'text/css; charset=utf-8'));
    return assets;
  })();
  built.catch(() => (built = undefined));
  return built;
}
