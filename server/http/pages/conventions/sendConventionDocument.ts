import type { Response } from 'express';

/**
 * Send a convention as a document of its own: the PDF, or the standalone HTML with its inline print styles
 * (a policy of its own, since the pages' policy allows no inline style; no script, no request anywhere).
 */
export function sendConventionDocument(res: Response, format: 'html' | 'pdf', content: string | Buffer, options: { filename: string; download: boolean; sha256?: string | undefined }): void {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (options.sha256) res.setHeader('X-Convention-SHA256', options.sha256);
  res.setHeader('Content-Disposition', `${options.download ? 'attachment' : 'inline'}; filename="${options.filename}.${format}"`);
  if (format === 'pdf') {
    res.type('application/pdf').send(content);
    return;
  }
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
  res.type('text/html; charset=utf-8').send(content);
}

/** `html` or `pdf` from a path or query parameter, or undefined. */
export const conventionFormat = (value: unknown): 'html' | 'pdf' | undefined => (value === 'html' || value === 'pdf' ? value : undefined);
