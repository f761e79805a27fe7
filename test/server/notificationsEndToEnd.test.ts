import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { insertWebhook, updateWebhook } from '../../server/db/repositories/webhooks.js';
import { closeEmailTransports } from '../../server/emails/deliverEmail.js';
import { deliveryHandlers } from '../../server/outbox/handlers.js';
import { startOutboxWorker, type OutboxWorker } from '../../server/outbox/outboxWorker.js';
import { databaseChoices } from './helpers/databases.js';
import { waitFor } from './helpers/outboxReceiver.js';
import { PEOPLE, startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';

const SECRET = 'secret-de-test-0123456789abcdef';

/**
 * The whole chain as a server runs it: a request's events, the outbox rows written with them, the worker with
 * the platform's own handlers, a real SMTP server and a real webhook receiver on 127.0.0.1 that checks each
 * signature. Each event the webhook subscribes to arrives once, signed, in order; the e-mails reach who the
 * workflow names.
 */
for (const choice of databaseChoices()) {
  describe(`e-mails and webhooks delivered by the outbox worker (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let applicant: ApiClient, instructor: ApiClient;
    let smtp: SMTPServer;
    let hooks: Server;
    let worker: OutboxWorker | undefined;
    const mails: { to: string[]; text: string }[] = [];
    const calls: { raw: Buffer; headers: IncomingHttpHeaders }[] = [];
    const saved = { smtp: process.env.SMTP_URL };

    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, instructor] = await Promise.all([t.client('applicant'), t.client('instructor')]);
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: Buffer.concat(chunks).toString('utf8') });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
      process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
      hooks = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          calls.push({ raw: Buffer.concat(chunks), headers: req.headers });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ token_id: `jeton-${calls.length}` }));
        });
      });
      await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
      const at = t.clock.now().toISOString();
      const webhookId = await insertWebhook(t.db, { definitionId: 'api-particulier', url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`, events: ['submit', 'approve'], secret: SECRET, createdBy: t.userIds.admin, at });
      await updateWebhook(t.db, webhookId, { enabled: true, testedAt: at }, at);
      worker = startOutboxWorker(t.ctx, deliveryHandlers(), { pollMs: 50, backoffBaseMs: 50, backoffCapMs: 200 });
    });
    after(async () => {
      await worker?.stop();
      closeEmailTransports();
      if (saved.smtp === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved.smtp;
      await new Promise<void>((resolve) => smtp?.close(() => resolve()));
      hooks?.closeAllConnections();
      await new Promise<void>((resolve) => (hooks ? hooks.close(() => resolve()) : resolve()));
      await t?.close();
    });

    it('delivers the signed webhook of each subscribed event in order, and the e-mails the workflow names', async () => {
      const data = structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id: string = created.body.request.id;
      const saved = await applicant.patch(`/api/requests/${id}`, { version: created.body.request.version, data });
      const submitted = await applicant.post(`/api/requests/${id}/events/submit`, { version: saved.body.request.version });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      const approved = await instructor.post(`/api/requests/${id}/events/approve`, { version: submitted.body.request.version });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));

      await waitFor('both webhook calls', () => calls.length >= 2);
      await waitFor('every outbox row delivered', async () => Number((await t.db('notifications').where({ request_id: Number(id.slice(1)) }).whereNot({ status: 'delivered' }).count({ n: '*' }))[0]!.n) === 0);
      const bodies = calls.map((c) => JSON.parse(c.raw.toString('utf8')) as { event: string; model_id: number; data: { public_id: string } });
      assert.deepEqual(bodies.map((b) => b.event), ['submit', 'approve'], 'each subscribed event once, in order (none for create and update)');
      for (const call of calls) {
        assert.equal(call.headers['x-hub-signature-256'], `sha256=${createHmac('sha256', SECRET).update(call.raw).digest('hex')}`, 'the receiver verifies the signature over the raw body');
        assert.ok(call.headers['x-datapass-delivery'], 'a delivery id to deduplicate on');
      }
      assert.equal(bodies[1]!.data.public_id, id);
      const request = await t.db('requests').where({ id: Number(id.slice(1)) }).first('external_provider_id');
      assert.equal(request.external_provider_id, 'jeton-2', 'the token_id of the answer to the approval is kept');

      await waitFor('the e-mails', () => mails.some((m) => m.to.includes(PEOPLE.applicant.email)));
      const to = (address: string) => mails.filter((m) => m.to.includes(address));
      assert.ok(to(PEOPLE.instructor.email).length >= 1, 'the instructor is told of the submission');
      assert.ok(to(PEOPLE.applicant.email).some((m) => m.text.includes(id)), 'the applicant is told of the approval, with the request id');
      assert.equal(to(PEOPLE.dgfipInstructor.email).length, 0, 'nobody of another provider');
    });
  });
}
