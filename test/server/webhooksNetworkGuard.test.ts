import assert from 'node:assert/strict';
import { lookup } from 'node:dns/promises';
import { configFromEnv } from '../../server/config.js';
import { createUser } from '../../server/db/repositories/users.js';
import { updateWebhook } from '../../server/db/repositories/webhooks.js';
import { fromJson } from '../../server/db/json.js';
import { callWebhook } from '../../server/webhooks/callWebhook.js';
import { deliverWebhook } from '../../server/webhooks/deliverWebhook.js';
import { allowList, type ResolveHost, type WebhookNetworkPolicy } from '../../server/webhooks/webhookNetworkPolicy.js';
import { databaseChoices } from './helpers/databases.js';
import { ApiClient, startTestApp, testRegistry, type TestApp } from './helpers/testApp.js';
import { WebhookReceiver } from './helpers/webhookReceiver.js';
import { getPage, postForm, textOf } from './pages/htmlClient.js';

/** A resolver for names the test does not expect to resolve: no query leaves the machine. */
const noDns: ResolveHost = async (hostname) => {
  throw Object.assign(new Error(`unexpected DNS query for ${hostname}`), { code: 'ENOTFOUND' });
};
/** The system's resolver, for `localhost` only (answered from /etc/hosts). */
const localhostOnly: ResolveHost = (hostname) => (hostname === 'localhost' ? lookup(hostname, { all: true, verbatim: true }) : noDns(hostname));
const guarded = (resolve: ResolveHost = noDns, allowed = ''): WebhookNetworkPolicy => ({ guard: true, ...allowList(allowed), resolve });

/** The platform's own network, however the URL writes it, with a word of the reason the refusal must give. */
const FORBIDDEN: [string, RegExp][] = [
  ['https://127.0.0.1/hook', /bouclage/],
  ['https://2130706433/hook', /bouclage/],
  ['https://0x7f.0.0.1/hook', /bouclage/],
  ['https://0177.0.0.1/hook', /bouclage/],
  ['https://127.1/hook', /bouclage/],
  ['https://[::1]/hook', /bouclage/],
  ['https://[::ffff:127.0.0.1]/hook', /bouclage/],
  ['https://[::127.0.0.1]/hook', /bouclage.*IPv6/],
  ['https://169.254.169.254/latest/meta-data/', /métadonnées/],
  ['https://0xa9.0xfe.0xa9.0xfe/latest/meta-data/', /métadonnées/],
  ['https://[::ffff:a9fe:a9fe]/latest/meta-data/', /métadonnées/],
  ['https://[64:ff9b::a9fe:a9fe]/latest/meta-data/', /métadonnées.*IPv6/],
  ['https://[fd00:ec2::254]/latest/meta-data/', /métadonnées/],
  ['https://10.0.0.8/hook', /réseau privé/],
  ['https://012.0.0.1/hook', /réseau privé/],
  ['https://172.20.1.1/hook', /réseau privé/],
  ['https://192.168.1.10/hook', /réseau privé/],
  ['https://[fc00::5]/hook', /réseau privé/],
  ['https://[fd12:3456::1]/hook', /réseau privé/],
  ['https://169.254.10.10/hook', /lien-local/],
  ['https://[fe80::1]/hook', /lien-local/],
  ['https://100.64.1.1/hook', /CGNAT/],
  ['https://0.0.0.0/hook', /non spécifiée/],
  ['https://[::]/hook', /non spécifiée/],
];

for (const choice of databaseChoices()) {
  describe(`webhooks cannot reach the platform’s own network (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let receiver: WebhookReceiver;
    let developer: ApiClient;

    before(async function () {
      t = await startTestApp(await choice.start(this));
      receiver = await new WebhookReceiver().start();
      await createUser(t.db, { email: 'dana.developpeuse@dinum.gouv.fr', givenName: 'Dana', familyName: 'Développeuse', roles: ['dinum:api-particulier:developer'] }, t.clock.now());
      developer = await ApiClient.signIn(t.baseUrl, 'dana.developpeuse@dinum.gouv.fr');
    });
    afterEach(() => {
      delete t.ctx.webhookNetwork;
      receiver.answer = { status: 200 };
    });
    after(async () => {
      await receiver?.stop();
      await t?.close();
    });

    const create = (url: string) => postForm(t.baseUrl, '/webhooks/api-particulier', developer, { url, events: 'approve' });
    const webhookCount = async () => Number((await t.db('webhooks').count({ n: '*' }))[0]!.n);
    const createdId = (html: string) => Number(/<code data-secret="(\d+)">/.exec(html)?.[1]);

    it('refuses, at creation, loopback, private, link-local, metadata, CGNAT and unspecified addresses in any notation', async () => {
      t.ctx.webhookNetwork = guarded();
      const before = await webhookCount();
      for (const [url, reason] of FORBIDDEN) {
        const refused = await create(url);
        const text = textOf(refused.html);
        assert.equal(refused.status, 422, `${url}: ${refused.status}`);
        assert.ok(text.includes(`L’adresse ${url} vise le réseau de la plateforme`), `${url} is named: ${text.slice(0, 2000)}`);
        assert.match(text, reason, url);
      }
      assert.equal(await webhookCount(), before, 'none was created');
      const fine = await create('https://198.51.100.7/datapass/webhook');
      assert.equal(fine.status, 201, 'a public address is accepted');
    });

    it('refuses a host name that resolves to this machine (localhost), and one of whose addresses is private', async () => {
      t.ctx.webhookNetwork = guarded(localhostOnly);
      const url = receiver.url.replace('127.0.0.1', 'localhost');
      const refused = await create(url);
      assert.equal(refused.status, 422);
      assert.match(textOf(refused.html), /localhost mène à (127\.0\.0\.1|::1)\) : adresse de bouclage/);

      t.ctx.webhookNetwork = guarded(async () => [{ address: '198.51.100.7', family: 4 }, { address: '10.1.2.3', family: 4 }]);
      const mixed = await create('https://melange.exemple.test/hook');
      assert.equal(mixed.status, 422);
      assert.match(textOf(mixed.html), /melange\.exemple\.test mène à 10\.1\.2\.3\) : réseau privé/);
    });

    it('checks again at each call: a name that resolves to 127.0.0.1 after creation (DNS rebinding) is refused, and the attempt says why', async () => {
      let answers = 0;
      // Public at creation, this machine afterwards.
      t.ctx.webhookNetwork = guarded(async () => [{ address: answers++ === 0 ? '198.51.100.7' : '127.0.0.1', family: 4 }]);
      const created = await create('https://rebind.exemple.test/hook');
      assert.equal(created.status, 201, textOf(created.html));
      const webhookId = createdId(created.html);

      const tested = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/tester`, developer, {});
      assert.equal(tested.status, 422);
      assert.match(textOf(tested.html), /rebind\.exemple\.test mène à 127\.0\.0\.1\) : adresse de bouclage/);

      // A delivery of a real event is refused the same way, before any connection.
      const at = t.clock.now().toISOString();
      await updateWebhook(t.db, webhookId, { enabled: true, testedAt: at }, at);
      const applicant = await t.client('applicant');
      const data = structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
      const request = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data });
      const submitted = await applicant.post(`/api/requests/${request.body.request.id}/events/submit`, { version: request.body.request.version, data });
      const approved = await (await t.client('instructor')).post(`/api/requests/${request.body.request.id}/events/approve`, { version: submitted.body.request.version });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      const row = await t.db('notifications').where({ channel: `webhook:${webhookId}` }).orderBy('id', 'desc').first();
      assert.ok(row, 'the approval queued a call');
      const outcome = await deliverWebhook(t.ctx, { id: Number(row.id), deliveryId: String(row.delivery_id), kind: 'webhook', requestId: Number(row.request_id), payload: fromJson(row.payload), attempts: 0, createdAt: at });
      assert.equal(outcome.ok, false);
      assert.equal(!outcome.ok && outcome.retryable, true, 'retried: the name may point back outside');
      const attempt = await t.db('webhook_attempts').where({ notification_id: row.id }).first();
      assert.equal(attempt.status_code, null, 'no connection was made');
      assert.match(String(attempt.error), /^Appel refusé : L’adresse https:\/\/rebind\.exemple\.test\/hook vise le réseau de la plateforme \(rebind\.exemple\.test mène à 127\.0\.0\.1\) : adresse de bouclage/);
      assert.ok(answers >= 3, 'resolved at creation, at the test and at the delivery');
    });

    it('lets the operator’s allow-list through: an address or range, or a host name', async () => {
      t.ctx.webhookNetwork = guarded(localhostOnly);
      assert.equal((await create(receiver.url)).status, 422, 'refused without the allow-list');

      t.ctx.webhookNetwork = guarded(localhostOnly, '10.0.0.0/8, 127.0.0.1/32');
      const created = await create(receiver.url);
      assert.equal(created.status, 201, textOf(created.html));
      const calls = receiver.calls.length;
      const tested = await postForm(t.baseUrl, `/webhooks/api-particulier/${createdId(created.html)}/tester`, developer, {});
      assert.equal(tested.status, 303, textOf(tested.html));
      assert.equal(receiver.calls.length, calls + 1, 'the internal receiver was called');

      t.ctx.webhookNetwork = guarded(async () => [{ address: '127.0.0.1', family: 4 }], 'localhost');
      assert.equal((await create(receiver.url.replace('127.0.0.1', 'localhost'))).status, 201, 'a host of the list, whatever it resolves to');
    });

    it('shows a receiver’s answer as plain text: nothing rendered as HTML, control characters stripped, truncated', async () => {
      const created = await create(receiver.url);
      assert.equal(created.status, 201);
      const webhookId = createdId(created.html);
      receiver.answer = { status: 400, contentType: 'text/html', body: `<script>alert("piège")</script><img src=x onerror=alert(1)>\u0000\u0007\u001b[31mrouge\u202Eeliart\u200B${'x'.repeat(5000)}` };
      const tested = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/tester`, developer, {});
      assert.equal(tested.status, 422);
      const attempt = await t.db('webhook_attempts').where({ webhook_id: webhookId }).orderBy('id', 'desc').first();
      const excerpt = String(attempt.response_excerpt);
      assert.ok(excerpt.startsWith('<script>alert("piège")</script>'), 'kept as text');
      assert.ok(excerpt.includes('[31mrouge'), excerpt.slice(0, 120));
      assert.doesNotMatch(excerpt, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E]/, 'no control or bidirectional character');
      assert.ok(excerpt.length <= 1000, `truncated: ${excerpt.length}`);
      const page = (await getPage(t.baseUrl, '/webhooks/api-particulier', developer)).html;
      assert.ok(page.includes('&lt;script&gt;alert'), 'shown escaped');
      assert.ok(!page.includes('<script>alert') && !page.includes('<img src=x'), 'never rendered');
    });

    it('refuses a URL over 2,000 characters, naming the field', async () => {
      const before = await webhookCount();
      for (const length of [2001, 10_000]) {
        const url = `https://hooks.exemple.fr/${'a'.repeat(length - 'https://hooks.exemple.fr/'.length)}`;
        const refused = await create(url);
        assert.equal(refused.status, 422, `${length} characters`);
        assert.match(textOf(refused.html), new RegExp(`Adresse appelée : ${length.toLocaleString('fr-FR').replace(/\s/g, '\\s')} caractères, 2\\s000 au plus`));
        assert.ok(refused.html.includes('id="webhook-url-erreur"'), 'the error is beside the field');
      }
      assert.equal(await webhookCount(), before);
      assert.equal((await create(`https://hooks.exemple.fr/${'a'.repeat(2000 - 'https://hooks.exemple.fr/'.length)}`)).status, 201, '2,000 is accepted');
    });
  });
}

describe('a guarded webhook call', () => {
  it('connects to the address that was checked, not to a second DNS answer, and keeps the host name it was given', async () => {
    const receiver = await new WebhookReceiver().start();
    try {
      let resolutions = 0;
      // A name the system cannot resolve: only the pinned address can lead the connection to the receiver.
      const policy = guarded(async () => (resolutions++, [{ address: '127.0.0.1', family: 4 }]), '127.0.0.1');
      const url = receiver.url.replace('127.0.0.1', 'pinned.exemple.test');
      const result = await callWebhook({ url, secret: 's', body: '{"event":"test"}', deliveryId: 'pin-1', event: 'test', policy });
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.equal(resolutions, 1, 'resolved once, for the check');
      assert.equal(receiver.calls.length, 1);
      assert.equal(receiver.calls[0]!.headers.host, new URL(url).host, 'the receiver sees the host name of the URL');
    } finally {
      await receiver.stop();
    }
  });
});

describe('a webhook call answered by a redirect', () => {
  it('does not follow it: the signed body goes only to the URL registered', async () => {
    const [first, elsewhere] = await Promise.all([new WebhookReceiver().start(), new WebhookReceiver().start()]);
    try {
      first.script = [307];
      first.answer = { status: 200, headers: { location: elsewhere.url } };
      const result = await callWebhook({ url: first.url, secret: 's', body: '{"event":"test"}', deliveryId: 'redirect-1', event: 'test', policy: guarded(noDns, '127.0.0.1') });
      assert.deepEqual([result.ok, result.statusCode, result.error], [false, 307, 'Réponse HTTP 307 (redirection non suivie)']);
      assert.equal(elsewhere.calls.length, 0);
    } finally {
      await Promise.all([first.stop(), elsewhere.stop()]);
    }
  });
});

describe('the webhook network settings', () => {
  it('turn the guard on in production or with WEBHOOK_SSRF_GUARD=1, read the allow-list, and refuse an entry they cannot read', () => {
    const base = { SESSION_SECRET: 'x'.repeat(32), DATABASE_URL: '' };
    assert.equal(configFromEnv({ ...base, NODE_ENV: 'production' }).webhookNetwork.guard, true);
    assert.equal(configFromEnv({ ...base, NODE_ENV: 'development' }).webhookNetwork.guard, false);
    assert.equal(configFromEnv({ ...base, NODE_ENV: 'development', WEBHOOK_SSRF_GUARD: '1' }).webhookNetwork.guard, true);
    const policy = configFromEnv({ ...base, NODE_ENV: 'production', WEBHOOK_ALLOWED_NETWORKS: '10.20.0.0/16 fd12::/64,hooks.interne.example, 192.168.1.5' }).webhookNetwork;
    assert.equal(policy.allowedNetworks.check('10.20.3.4', 'ipv4'), true);
    assert.equal(policy.allowedNetworks.check('10.21.3.4', 'ipv4'), false);
    assert.equal(policy.allowedNetworks.check('fd12::9', 'ipv6'), true);
    assert.equal(policy.allowedNetworks.check('192.168.1.5', 'ipv4'), true);
    assert.deepEqual([...policy.allowedHosts], ['hooks.interne.example']);
    for (const bad of ['10.0.0.0/33', '10.0.0.0/x', 'http://hooks.example', '300.1.1.1/8']) {
      assert.throws(() => configFromEnv({ ...base, WEBHOOK_ALLOWED_NETWORKS: bad }), /WEBHOOK_ALLOWED_NETWORKS/, bad);
    }
  });
});
