/**
 * Suites that need an outside service (PostgreSQL, Chromium…) call `requireService` in a `before` hook.
 * Outside CI a missing service skips the suite, with the reason printed once per service; under CI
 * (`CI=true`, set by `.ci/run`) a missing service is an error: a skipped suite must never look like a pass.
 */

export type Availability = { ok: true } | { ok: false; reason: string };

export interface ServiceRequirement {
  /** What the service is, for messages: "PostgreSQL", "Chromium". */
  name: string;
  /** How to get it, for messages: "apt-get install -y postgresql". */
  install: string;
  /** Synchronous check, cached by the caller if it is costly. */
  available: () => Availability;
}

const warned = new Set<string>();

export function underCI(): boolean {
  return process.env.CI === 'true';
}

export function requireService(ctx: Mocha.Context, service: ServiceRequirement): void {
  const availability = service.available();
  if (availability.ok) return;
  if (underCI()) {
    throw new Error(
      `${service.name} is required under CI (CI=true) but is not usable: ${availability.reason}. ` +
        `Install it (as root: ${service.install}) or let .ci/run install it.`,
    );
  }
  if (!warned.has(service.name)) {
    warned.add(service.name);
    console.log(
      `  ⚠ skipped: ${service.name} not found (${availability.reason}); ` +
        `install it (${service.install}) to run these tests`,
    );
  }
  ctx.skip();
}
