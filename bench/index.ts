import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDefinition } from '../engine/load/loadDefinition.js';
import { loadRegistry } from '../engine/load/loadRegistry.js';
import { createEngineAjv } from '../engine/validate/engineAjv.js';
import type { EngineSubmissionValidator } from '../engine/validate/index.js';
import { generateDefinitions } from './generateDefinitions.js';
import { measure, measureOnce } from './measure.js';
import { instructionListing, submitThroughput } from './serverBench.js';
import { stepPageRendering } from './renderBench.js';
import { statisticsSection } from './statsBench.js';
import { conventionRendering } from './conventionBench.js';
import { outboxThroughput } from './outboxBench.js';
import { uploadsSection } from './uploadsBench.js';
import { postgresAvailable, postgresUrl, stopPostgres } from '../test/helpers/postgres.js';

// `npm run bench`: measures, never asserts. Each figure is printed beside its baseline from the same run.
const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DEFINITIONS = join(ROOT, 'definitions');

const result = loadDefinition(join(DEFINITIONS, 'api-exemple'), { definitionsRoot: DEFINITIONS });
if (!result.definition) throw new Error(`api-exemple does not load: ${result.issues.map((i) => i.message).join('\n')}`);
const definition = result.definition;
const validator = definition.validator as EngineSubmissionValidator;
const example = definition.examples.find((e) => e.name === 'valid-libre')!;
const data = validator.normalize(example.data, { useCaseId: 'libre' });
const selector = { context: 'submit' as const, useCaseId: 'libre' };
const options = { ...selector, createdAt: '2026-11-23' };
if (!validator.validate(data, options).valid) throw new Error('the benchmark submission must be valid');

const precompiled = validator.compiled(selector);
const derived = validator.derivedSchema(selector);
const context = { createdAt: '2026-11-23' };

const rows: [string, string, string][] = [];
// BENCH_ONLY=engine,render,convention,submit,outbox,listing,stats,uploads runs only those sections (all by default).
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const want = (section: string) => !only || only.includes(section);
const us = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} µs`;
const ms = (v: number) => `${v.toFixed(0)} ms`;

if (want('engine')) {
  const engine = measure(() => validator.validate(data, options));
  const direct = measure(() => precompiled.call(context, data));
  const fresh = measure(() => createEngineAjv().compile(derived).call(context, data), { batches: 5, minBatchMs: 300 });
  rows.push(['validate one submission (engine: validator.validate)', us(engine), '']);
  rows.push(['  baseline: precompiled ajv function called directly', us(direct), `engine / direct = ${(engine / direct).toFixed(2)}× (target ≤ 1.2×)`]);
  rows.push(['  baseline: new ajv validator built per submission', us(fresh), `fresh / engine = ${(fresh / engine).toFixed(0)}× faster (target ≥ 50×)`]);
  const normalize = measure(() => validator.normalize(example.data, { useCaseId: 'libre' }));
  rows.push(['normalize one submission (drop branches, add included scopes)', us(normalize), 'run once per save, before validate']);
  const invalid = definition.examples.find((e) => e.issues.length)!;
  const invalidData = validator.normalize(invalid.data, invalid.useCaseId ? { useCaseId: invalid.useCaseId } : {});
  const invalidOptions = { context: 'submit' as const, createdAt: '2026-11-23', ...(invalid.useCaseId ? { useCaseId: invalid.useCaseId } : {}) };
  rows.push([`validate an invalid submission (${invalid.name}, French messages)`, us(measure(() => validator.validate(invalidData, invalidOptions))), '']);

  for (const count of [60, 600]) {
    const generated = generateDefinitions(DEFINITIONS, ['api-exemple'], count);
    try {
      for (const deep of [false, true]) {
        const runs = count > 100 ? (deep ? 1 : 3) : 5;
        let loaded = 0;
        const time = measureOnce(() => {
          const registry = loadRegistry(generated.root, { deep });
          loaded = registry.definitions.size;
          for (const d of registry.definitions.values()) (d.validator as EngineSubmissionValidator).dispose();
        }, runs);
        const what = deep ? 'full check: + compile validators, prefills, run examples' : 'load and check every file and cross-reference';
        const target = count === 60 && !deep ? ' (target < 1000 ms)' : '';
        rows.push([`${count} definitions: ${what}`, ms(time), `${loaded}/${count} loaded, ${(time / count).toFixed(1)} ms each${target}, median of ${runs}`]);
      }
    } finally {
      generated.cleanup();
    }
  }

}

// The server: submit throughput, and the instruction list over a million requests on both databases.
const registry = loadRegistry(DEFINITIONS, { deep: false });
if (want('render')) stepPageRendering(registry, rows);
if (want('convention')) await conventionRendering(registry, rows);
if (want('submit')) await submitThroughput(rows);
if (want('outbox')) await outboxThroughput(rows);
const listingRows = Number(process.env.BENCH_LISTING_ROWS ?? 1_000_000);
if (want('listing')) {
  await instructionListing(registry, rows, { name: 'SQLite' }, listingRows);
  const postgres = postgresAvailable();
  if (postgres.ok) await instructionListing(registry, rows, { name: 'PostgreSQL', url: await postgresUrl() }, listingRows);
  else rows.push(['instruction list, PostgreSQL', 'skipped', postgres.reason]);
}
if (want('stats')) await statisticsSection(registry, rows);
if (want('uploads')) await uploadsSection(rows);

const width = Math.max(...rows.map((r) => r[0].length));
const timeWidth = Math.max(...rows.map((r) => r[1].length));
console.log(`\nDataPass engine benchmark — node ${process.version}, ${new Date().toISOString()}\n`);
console.log(`${'measure'.padEnd(width)}  ${'time'.padStart(timeWidth)}  note`);
console.log(`${'-'.repeat(width)}  ${'-'.repeat(timeWidth)}  ----`);
for (const [name, time, note] of rows) console.log(`${name.padEnd(width)}  ${time.padStart(timeWidth)}  ${note}`);
await stopPostgres();
