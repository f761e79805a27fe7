import { fileURLToPath } from 'node:url';
import { createEmailTemplates, type EmailTemplates } from './emailTemplates.js';

let shared: EmailTemplates | undefined;

/** One set of e-mail templates per process (the project's templates/emails/), each compiled on first use and then reused. */
export function sharedEmailTemplates(): EmailTemplates {
  return (shared ??= createEmailTemplates(fileURLToPath(new URL('../../templates', import.meta.url))));
}
