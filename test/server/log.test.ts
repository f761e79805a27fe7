import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../server/log.js';

describe('the server log', () => {
  it('never writes session cookies, CSRF tokens or authorization headers', () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    log.info({ req: { headers: { cookie: 'datapass.sid=secret', 'x-csrf-token': 'csrf-secret', authorization: 'Bearer token-secret', accept: 'application/json' } }, res: { headers: { 'set-cookie': 'datapass.sid=other-secret' } } }, 'request');
    const line = lines.join('');
    for (const secret of ['datapass.sid=secret', 'csrf-secret', 'token-secret', 'other-secret']) assert.ok(!line.includes(secret), `${secret} is in the log: ${line}`);
    assert.ok(line.includes('application/json') && line.includes('[redacted]'));
  });
});
