import assert from 'node:assert/strict';
import {
  cachedDirectory,
  createOfflineDirectory,
  DEMO_SIRETS,
  type DirectoryAnswer,
  type EstablishmentDirectory,
} from '../../../server/organizations/index.js';

/** A directory counting its lookups, answering from the offline dataset unless told to fail. */
function counting(): EstablishmentDirectory & { calls: string[]; failing: boolean } {
  const offline = createOfflineDirectory();
  const inner = {
    calls: [] as string[],
    failing: false,
    async lookup(siret: string): Promise<DirectoryAnswer> {
      inner.calls.push(siret);
      if (inner.failing) return { kind: 'unavailable', reason: 'HTTP 503' };
      return offline.lookup(siret);
    },
  };
  return inner;
}

describe('cachedDirectory', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('reaches the source once for repeated lookups within the TTL, whatever the spacing of the input', async () => {
    const inner = counting();
    const directory = cachedDirectory(inner, { ttlMs: 60_000, now });
    const first = await directory.lookup(DEMO_SIRETS.dinum);
    clock += 59_000;
    const second = await directory.lookup('130 025 265 00013');
    assert.equal(first.kind, 'found');
    assert.deepEqual(second, first);
    assert.equal(inner.calls.length, 1);
  });

  it('asks again once the TTL has passed', async () => {
    const inner = counting();
    const directory = cachedDirectory(inner, { ttlMs: 60_000, now });
    await directory.lookup(DEMO_SIRETS.dinum);
    clock += 60_000;
    await directory.lookup(DEMO_SIRETS.dinum);
    assert.equal(inner.calls.length, 2);
  });

  it('keeps not_found answers but not unavailable ones', async () => {
    const inner = counting();
    const directory = cachedDirectory(inner, { now });
    await directory.lookup('73282932000074');
    await directory.lookup('73282932000074');
    assert.equal(inner.calls.length, 1);

    inner.failing = true;
    assert.equal((await directory.lookup(DEMO_SIRETS.communeA)).kind, 'unavailable');
    inner.failing = false;
    assert.equal((await directory.lookup(DEMO_SIRETS.communeA)).kind, 'found');
    assert.equal(inner.calls.length, 3);
  });

  it('shares one request between concurrent lookups of a SIRET', async () => {
    const inner = counting();
    const directory = cachedDirectory(inner, { now });
    const answers = await Promise.all([directory.lookup(DEMO_SIRETS.dgfip), directory.lookup(DEMO_SIRETS.dgfip), directory.lookup(DEMO_SIRETS.dgfip)]);
    assert.equal(inner.calls.length, 1);
    assert.ok(answers.every((answer) => answer.kind === 'found'));
  });

  it('forgets the oldest entries beyond maxEntries, and everything on clear()', async () => {
    const inner = counting();
    const directory = cachedDirectory(inner, { maxEntries: 2, now });
    await directory.lookup(DEMO_SIRETS.communeA);
    await directory.lookup(DEMO_SIRETS.communeB);
    await directory.lookup(DEMO_SIRETS.dinum);
    await directory.lookup(DEMO_SIRETS.communeA);
    assert.equal(inner.calls.length, 4, 'communeA had been evicted');
    await directory.lookup(DEMO_SIRETS.dinum);
    assert.equal(inner.calls.length, 4);
    directory.clear();
    await directory.lookup(DEMO_SIRETS.dinum);
    assert.equal(inner.calls.length, 5);
  });

  it('turns a throwing source into unavailable', async () => {
    const directory = cachedDirectory({ lookup: async () => Promise.reject(new Error('kaput')) });
    assert.deepEqual(await directory.lookup(DEMO_SIRETS.dinum), { kind: 'unavailable', reason: 'kaput' });
  });
});
