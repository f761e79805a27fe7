import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../../server/db/createDatabase.js';

describe('the SQLite client with prepared statements', () => {
  it('reuses statements with new bindings, reports and forgets a broken one, follows schema changes, and closes cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datapass-prepared-'));
    const db = createDatabase({ sqliteFile: join(dir, 'a.sqlite') });
    try {
      await db.schema.createTable('t', (t) => {
        t.increments('id');
        t.string('v');
      });
      for (const v of ['un', 'deux', 'trois']) await db('t').insert({ v });
      for (const [id, v] of [[1, 'un'], [3, 'trois'], [2, 'deux']] as const) assert.equal((await db('t').where({ id }).first()).v, v);
      const [inserted] = await db('t').insert({ v: 'quatre' }).returning('id');
      assert.equal(Number((inserted as { id: number }).id), 4);
      assert.equal(await db('t').where({ id: 4 }).update({ v: 'QUATRE' }), 1, 'changes come back from run');
      await assert.rejects(db.raw('selec * from t'), /syntax error/);
      await assert.rejects(db.raw('selec * from t'), /syntax error/, 'the broken statement was not kept');
      await db.schema.alterTable('t', (t) => t.string('w'));
      assert.deepEqual(Object.keys(await db('t').where({ id: 1 }).first()).sort(), ['id', 'v', 'w'], 'a reused statement sees the new column');
      await db.transaction(async (tx) => {
        await tx('t').insert({ v: 'cinq' });
        await tx('t').insert({ v: 'six' });
      });
      await assert.rejects(db.transaction(async (tx) => {
        await tx('t').insert({ v: 'sept' });
        throw new Error('rollback');
      }));
      assert.deepEqual((await db('t').orderBy('id').pluck('v')).slice(4), ['cinq', 'six']);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
