import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import Form from '@rjsf/core/lib/components/Form.js';
import type { RJSFSchema } from '@rjsf/utils';
import { formSchema, type Registry } from '../engine/index.js';
import { StepPage } from '../renderer/pages/StepPage.js';
import { renderPage } from '../renderer/renderPage.js';
import { formValidator } from '../renderer/theme/index.js';
import type { StoredRequest } from '../server/db/repositories/requests.js';
import type { User } from '../server/db/repositories/users.js';
import { stepIsland } from '../server/http/pages/stepIsland.js';
import { measure } from './measure.js';
import type { Row } from './serverBench.js';

/**
 * Server rendering of each step page of API Particulier (DSFR frame, stepper and themed form included),
 * beside plain @rjsf/core (its default theme, same validator) rendering the whole form in one go.
 */
export function stepPageRendering(registry: Registry, rows: Row[]): void {
  const definition = registry.definitions.get('api-particulier')!;
  const example = definition.examples.find((e) => e.name === 'valid-libre-params')!;
  const now = new Date('2026-11-23T10:00:00Z');
  const row: StoredRequest = {
    id: 1,
    publicId: 'D1',
    definitionId: definition.id,
    definitionVersion: 'bench',
    useCaseId: example.useCaseId ?? 'libre',
    state: 'draft',
    data: example.data,
    version: 3,
    organizationId: 1,
    applicantId: 1,
    reopening: false,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const user: User = { id: 1, email: 'camille.martin@clamart.fr', givenName: 'Camille', familyName: 'Martin', roles: [], createdAt: now.toISOString() };
  const page = { csrfToken: 'token', path: '/demandes/D1/etapes/x', logoutAction: '/deconnexion', user: { name: 'Camille Martin', email: user.email }, organization: { id: 1, name: 'Commune de Clamart', siret: '21920023500014' }, organizationCount: 2 };
  const perStep: number[] = [];
  for (const [i, step] of definition.steps.entries()) {
    const island = stepIsland(definition, row, user, i, 'token', now);
    const element = createElement(StepPage, { page: { ...page, path: `/demandes/D1/etapes/${step.id}` }, definitionName: definition.meta.name, island });
    perStep.push(measure(() => renderPage(element), { batches: 9, minBatchMs: 60 }) / 1000);
  }
  const schema = formSchema(definition);
  const plain = measure(() => renderToString(createElement(Form, { schema: schema as RJSFSchema, uiSchema: definition.uiSchema, formData: example.data, validator: formValidator })), { batches: 9, minBatchMs: 60 }) / 1000;
  const sorted = [...perStep].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const worst = sorted[sorted.length - 1]!;
  const build = process.env.NODE_ENV === 'production' ? '' : ' [React development build: run `npm run bench`, which sets NODE_ENV=production]';
  rows.push([`step page, server-rendered (DSFR frame + themed form), API Particulier, median of ${perStep.length} steps`, `${median.toFixed(2)} ms`, `slowest ${worst.toFixed(2)} ms; per step: ${definition.steps.map((s, i) => `${s.id} ${perStep[i]!.toFixed(2)}`).join(', ')} (target median < 2.5 ms)${build}`]);
  rows.push(['  baseline: plain @rjsf/core rendering the whole form (default theme, same validator)', `${plain.toFixed(2)} ms`, `step page / plain = ${(median / plain).toFixed(2)}× median, ${(worst / plain).toFixed(2)}× slowest (target ≤ 1.5×)`]);
}
