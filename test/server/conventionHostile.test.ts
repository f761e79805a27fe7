import assert from 'node:assert/strict';
import { comparable, elementShapes, HOSTILE, HOSTILE_TEXT, withoutBidiControls } from '../helpers/hostileValues.js';
import { PDFTOTEXT, pdfText } from '../helpers/pdftotext.js';
import { requireService } from '../helpers/serviceSkip.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';

type Path = (string | number)[];

/** The paths of every string in `value`. */
function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}
function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  let current = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  current[path[path.length - 1]!] = value;
}
const getAt = (root: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], root);

/**
 * A request stored through the API with hostile values in every field that accepts free text (every string
 * the definition's validator still accepts as such: e-mails, dates, SIRETs and choices keep their format),
 * approved: the convention stored for it has no element the template does not produce, and its PDF shows
 * every value as written.
 */
describe('a convention stored for a request full of hostile values', function () {
  this.timeout(120_000);
  let t: TestApp;
  let applicant: ApiClient, instructor: ApiClient;
  before(async () => {
    t = await startTestApp();
    [applicant, instructor] = await Promise.all([t.client('applicant'), t.client('instructor')]);
  });
  after(async () => t?.close());

  const definition = testRegistry().definitions.get('api-particulier')!;
  const example = definition.examples.find((e) => e.name === 'valid-libre-params')!;
  const useCaseId = 'libre';
  const accepts = (data: Record<string, unknown>) => definition.validator.validate(definition.validator.normalize(data, { useCaseId }), { context: 'submit', useCaseId, createdAt: '2026-11-24' }).valid;

  /** Create, save, submit and approve a request with `data`; the stored convention's HTML and PDF. */
  const approvedConvention = async (data: Record<string, unknown>) => {
    const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id: string = created.body.request.id;
    const saved = await applicant.patch(`/api/requests/${id}`, { version: created.body.request.version, data });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const submitted = await applicant.post(`/api/requests/${id}/events/submit`, { version: saved.body.request.version });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const approved = await instructor.post(`/api/requests/${id}/events/approve`, { version: submitted.body.request.version });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const [authorization] = (await applicant.get(`/api/requests/${id}/authorizations`)).body.authorizations;
    const get = async (path: string) => Buffer.from(await (await fetch(t.baseUrl + path, { headers: { cookie: applicant.cookieHeader } })).arrayBuffer());
    return { stored: saved.body.request.data as Record<string, unknown>, html: (await get(authorization.convention.html)).toString('utf8'), pdf: await get(authorization.convention.pdf) };
  };

  it('keeps the markup of the template only, and the PDF shows each value as written', async function () {
    requireService(this, PDFTOTEXT);
    const data = structuredClone(example.data);
    // Each field gets all the hostile values at once, or else one its rules accept (a length limit, a pattern),
    // taken in turn so that short fields hold different ones.
    const replaced = new Map<string, string>();
    const values = Object.values(HOSTILE);
    for (const [i, path] of stringPaths(data).entries()) {
      const before = getAt(data, path);
      const accepted = [HOSTILE_TEXT, ...values.slice(i % values.length), ...values.slice(0, i % values.length)].find((candidate) => {
        setAt(data, path, candidate);
        return accepts(data);
      });
      if (accepted) replaced.set(path.join('.'), accepted);
      else setAt(data, path, before);
    }
    assert.ok(replaced.size >= 10, `hostile values in ${replaced.size} fields: ${[...replaced.keys()].join(', ')}`);
    const hostile = await approvedConvention(data);
    for (const [path, value] of replaced) assert.equal(getAt(hostile.stored, path.split('.')), value, `${path} is stored as typed`);
    const plain = await approvedConvention(structuredClone(example.data));

    const injected = [...elementShapes(hostile.html)].filter((shape) => !elementShapes(plain.html).has(shape));
    assert.deepEqual(injected, [], 'no element nor attribute the template does not produce');
    assert.ok(!/<script/i.test(hostile.html.replace(/&lt;script/g, '')), 'no script element');
    assert.ok(hostile.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the markup is shown as text');
    assert.ok(hostile.html.includes('{{constructor.constructor}}'), 'template syntax is shown as text, not run');

    const raw = pdfText(hostile.pdf);
    const text = comparable(raw);
    for (const [name, value] of Object.entries(HOSTILE)) assert.ok(text.includes(comparable(value)), `the PDF shows the ${name} value as written: ${value}`);
    const lines = withoutBidiControls(raw).replace(/\s+/g, ' ');
    for (const value of [HOSTILE.arabic, HOSTILE.hebrew, HOSTILE.emoji, HOSTILE.french, HOSTILE.script, HOSTILE.entities]) assert.ok(lines.includes(value), `exactly ${value}`);
  });
});
