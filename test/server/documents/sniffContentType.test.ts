import assert from 'node:assert/strict';
import { sniffContentType } from '../../../server/documents/sniffContentType.js';
import { ZIP_LIMITS } from '../../../server/documents/zipContentType.js';
import { deflatedZeros, minimalOds, minimalXlsx, officeBomb, zipArchive } from '../../helpers/zipArchive.js';

const timed = async (content: Buffer) => {
  const started = performance.now();
  const verdict = await sniffContentType(content);
  return { verdict, ms: performance.now() - started };
};

describe('sniffContentType', () => {
  it('recognises office files, PDF and CSV by their bytes', async () => {
    assert.deepEqual(await sniffContentType(minimalXlsx()), { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    assert.deepEqual(await sniffContentType(minimalOds()), { type: 'application/vnd.oasis.opendocument.spreadsheet' });
    assert.deepEqual(await sniffContentType(Buffer.from('%PDF-1.7\n%âãÏÓ\n')), { type: 'application/pdf' });
    assert.deepEqual(await sniffContentType(Buffer.from('siret;nom\n13002526500013;DINUM\n')), { type: 'text/csv' });
    assert.deepEqual(await sniffContentType(zipArchive([{ name: 'a.txt', data: 'a' }])), { type: 'application/zip' });
  });

  it('never inflates a member past its cap, whatever size it declares', async () => {
    const { verdict, ms } = await timed(officeBomb());
    assert.deepEqual(verdict, { refused: 'member_too_large' });
    assert.ok(ms < 100, `${ms.toFixed(1)} ms`);
    // The same bomb declaring its true size is refused before inflating at all.
    const honest = zipArchive([{ name: '[Content_Types].xml', raw: { compressed: deflatedZeros(64 * 1024 * 1024), declaredSize: 64 * 1024 * 1024 } }]);
    assert.deepEqual(await sniffContentType(honest), { refused: 'member_too_large' });
    const mimetypeBomb = zipArchive([{ name: 'mimetype', raw: { compressed: deflatedZeros(64 * 1024 * 1024), declaredSize: 40 } }]);
    assert.deepEqual(await sniffContentType(mimetypeBomb), { refused: 'member_too_large' });
  });

  it('a ZIP hidden after a UTF-8 BOM or an ID3 tag (where file-type looks for it) is not inflated either', async () => {
    const bomb = officeBomb();
    const id3 = Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x0a', 'latin1'), Buffer.alloc(10), bomb]);
    for (const content of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bomb]), id3]) {
      const rss = process.memoryUsage().rss;
      const { verdict, ms } = await timed(content);
      assert.deepEqual(verdict, { type: undefined });
      assert.ok(ms < 200, `${ms.toFixed(1)} ms`);
      assert.ok(process.memoryUsage().rss - rss < 50 * 1024 * 1024);
    }
  });

  it('refuses truncated archives and archives of too many members', async () => {
    assert.deepEqual(await sniffContentType(minimalXlsx().subarray(0, 300)), { refused: 'malformed' });
    assert.deepEqual(await sniffContentType(Buffer.from('PK\x03\x04', 'latin1')), { refused: 'malformed' });
    const corrupt = zipArchive([{ name: '[Content_Types].xml', raw: { compressed: Buffer.from('not deflate data at all'), declaredSize: 20 } }]);
    assert.deepEqual(await sniffContentType(corrupt), { refused: 'malformed' });
    const many = zipArchive(Array.from({ length: ZIP_LIMITS.members + 1 }, (_, i) => ({ name: `f${i}` })));
    assert.deepEqual(await sniffContentType(many), { refused: 'too_many_members' });
  });
});
