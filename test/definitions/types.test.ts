import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistry } from '../../engine/load/loadRegistry.js';
import { typeName } from '../../engine/types/generateTypes.js';
import { DEFINITIONS, ROOT, TEMPLATES } from '../helpers/paths.js';

// The generated types must describe the data the engine stores: every valid example, as normalized, is
// written as an object literal of its definition's type and type-checked (excess properties included).
describe('generated types', () => {
  it('accept the stored data of every valid example of every definition', function () {
    this.timeout(120_000);
    const registry = loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES, deep: false });
    const lines: string[] = [];
    let count = 0;
    for (const definition of registry.definitions.values()) {
      const type = typeName(definition.id);
      lines.push(`import type { ${type} } from ${JSON.stringify(join(DEFINITIONS, definition.id, 'types.js'))};`);
      for (const example of definition.examples.filter((e) => !e.issues.length && e.context === 'submit')) {
        const data = definition.validator.normalize(example.data, example.useCaseId ? { useCaseId: example.useCaseId } : {});
        lines.push(`// ${definition.id} / ${example.name}`, `export const example${count++}: ${type} = ${JSON.stringify(data)};`);
      }
    }
    assert.ok(count > 10, `only ${count} examples`);
    const dir = mkdtempSync(join(tmpdir(), 'datapass-types-'));
    try {
      writeFileSync(join(dir, 'examples.mts'), lines.join('\n') + '\n');
      const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
      try {
        execFileSync(tsc, ['--noEmit', '--strict', '--exactOptionalPropertyTypes', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', '', join(dir, 'examples.mts')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        assert.fail(`The generated types refuse stored example data:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
