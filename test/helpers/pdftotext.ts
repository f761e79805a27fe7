import { execFileSync, spawnSync } from 'node:child_process';
import type { ServiceRequirement } from './serviceSkip.js';

/** poppler-utils' pdftotext, with which the convention tests read PDFs back as text (installed by .ci/run). */
export const PDFTOTEXT: ServiceRequirement = {
  name: 'pdftotext',
  install: 'apt-get install -y poppler-utils',
  available: () => (spawnSync('pdftotext', ['-v']).status === 0 ? { ok: true } : { ok: false, reason: 'pdftotext is not installed' }),
};

/** A PDF's text as pdftotext extracts it (pages separated by form feeds); `layout` keeps the lines as placed. */
export function pdfText(pdf: Buffer | string, options: { layout?: boolean } = {}): string {
  const args = ['-enc', 'UTF-8', ...(options.layout ? ['-layout'] : []), typeof pdf === 'string' ? pdf : '-', '-'];
  return execFileSync('pdftotext', args, typeof pdf === 'string' ? {} : { input: pdf }).toString('utf8');
}
