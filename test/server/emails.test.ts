import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { fromJson, toIso } from '../../server/db/json.js';
import { createUser } from '../../server/db/repositories/users.js';
import { createEmailDelivery, closeEmailTransports } from '../../server/emails/deliverEmail.js';
import { createEmailTemplates } from '../../server/emails/emailTemplates.js';
import { DEFAULT_MAIL_FROM, type EmailSettings } from '../../server/emails/emailSettings.js';
import { sharedEmailTemplates } from '../../server/emails/sharedEmailTemplates.js';
import type { ClaimedNotification } from '../../server/outbox/Delivery.js';
import { databaseChoices } from './helpers/databases.js';
import { ApiClient, PEOPLE, startTestApp, testRegistry, type TestApp } from './helpers/testApp.js';

const PUBLIC_URL = 'https://datapass.exemple.gouv.fr';
const DPO = 'rgpd@ville-exemple.fr';
const MUTED = 'muriel.muette@dinum.gouv.fr';
const OTHER_DEFINITION = 'etienne.entreprise@dinum.gouv.fr';

interface Received {
  rcptTo: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) → text. */
const decodeWords = (value: string) =>
  value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );

/** Just enough of a MIME parser for nodemailer's single text/plain part. */
function parseMail(raw: string, rcptTo: string[]): Received {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const body = rest.join('\n\n');
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  return { rcptTo, headers, subject: decodeWords(headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n') };
}

interface Row {
  id: number;
  to: string;
  template: string;
  notification: ClaimedNotification;
}

describe('e-mail templates', () => {
  const locals = (audience: 'applicant' | 'team' | 'contact') => ({
    event: 'submit',
    eventLabel: 'Soumettre la demande',
    state: 'submitted',
    stateLabel: 'En cours d’instruction',
    requestId: 'D42',
    requestTitle: 'Tarifs & cantine <école>',
    definitionId: 'api-particulier',
    definitionName: 'API Particulier',
    providerName: 'DINUM',
    supportEmail: 'support@exemple.gouv.fr',
    organizationName: 'Commune A',
    organizationSiret: '21350238500019',
    reason: 'Précisez la durée.',
    authorizationId: 'H7',
    at: '2026-11-24T09:00:00.000Z',
    recipientName: 'Camille Demandeur',
    forApplicant: audience === 'applicant',
    forTeam: audience === 'team',
    forContact: audience === 'contact',
    contactRole: audience === 'contact' ? 'délégué·e à la protection des données' : null,
    link: audience === 'contact' ? null : `${PUBLIC_URL}/demandes/D42`,
    preferencesLink: audience === 'team' ? `${PUBLIC_URL}/instruction/e-mails` : null,
  });

  it('has a French text for every template a workflow notifies, and every one fills in with the locals of an event', () => {
    const templates = new Set(['message']);
    for (const definition of testRegistry().definitions.values()) {
      for (const event of Object.values(definition.workflow.events)) {
        for (const effect of event.effects) {
          if (effect.name !== 'notify') continue;
          const args = effect.args as string[] | { template?: string };
          templates.add(Array.isArray(args) ? Object.entries(definition.workflow.events).find(([, e]) => e === event)![0] : args.template!);
        }
      }
    }
    for (const name of ['pre_approve', 'ask_opinion', 'give_opinion', 'withdraw_opinion_request', 'reopen']) templates.add(name);
    for (const template of templates) {
      for (const audience of ['applicant', 'team', 'contact'] as const) {
        const email = sharedEmailTemplates().render(template, locals(audience));
        assert.match(email.subject, /^\[DataPass\] .*D42/, `${template} (${audience}): ${email.subject}`);
        assert.ok(!/\n/.test(email.subject), `${template}: one-line subject`);
        assert.match(email.text, /^Bonjour Camille Demandeur,/, template);
        assert.match(email.text, /D42/, template);
        assert.match(email.text, /L’équipe DataPass/, template);
        // Plain text: values are not HTML-escaped.
        assert.ok(!email.text.includes('&amp;') && !email.text.includes('&lt;'), template);
      }
    }
  });

  it('renders webhook_failing with what the webhook helper queues', () => {
    const email = sharedEmailTemplates().render('webhook_failing', { url: 'https://hooks.exemple.fr/datapass', failures: 5, lastError: 'HTTP 500', definitionName: 'API Particulier' });
    assert.equal(email.subject, '[DataPass] Le webhook de l’habilitation API Particulier ne répond plus correctement');
    assert.match(email.text, /5 échec\(s\) de suite/);
    assert.match(email.text, /https:\/\/hooks\.exemple\.fr\/datapass/);
  });

  it('renders webhook_disabled with what the webhook handler queues', () => {
    const email = sharedEmailTemplates().render('webhook_disabled', { url: 'https://hooks.exemple.fr/datapass', reason: 'Désactivé automatiquement le 2026-11-24 : 15 échecs consécutifs. Dernière erreur : Réponse HTTP 500', definitionName: 'API Particulier', link: `${PUBLIC_URL}/webhooks/api-particulier` });
    assert.equal(email.subject, '[DataPass] Le webhook de l’habilitation API Particulier est désactivé');
    assert.match(email.text, /15 échecs consécutifs/);
    assert.match(email.text, /Aucune notification n’est perdue/);
    assert.ok(email.text.includes(`${PUBLIC_URL}/webhooks/api-particulier`));
  });

  it('lets a definition override a text, and escapes every value of an HTML body', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datapass-emails-'));
    try {
      mkdirSync(join(dir, 'emails'));
      mkdirSync(join(dir, 'api-x', 'emails'), { recursive: true });
      writeFileSync(join(dir, 'emails', '_signature.hbs'), 'Signé');
      writeFileSync(join(dir, 'emails', 'approve.hbs'), 'Subject: Validée {{requestId}}\n\nTexte commun {{requestTitle}}\n{{> signature}}\n');
      writeFileSync(join(dir, 'emails', 'approve.html.hbs'), '<p>{{requestTitle}}</p>');
      writeFileSync(join(dir, 'api-x', 'emails', 'approve.hbs'), 'Subject: Propre à X {{requestId}}\n\nTexte de X\n{{> signature}}\n');
      writeFileSync(join(dir, 'emails', 'raw.hbs'), 'Subject: Brut\n\nTexte\n');
      writeFileSync(join(dir, 'emails', 'raw.html.hbs'), '<p>{{{requestTitle}}}</p>');
      const templates = createEmailTemplates(dir);
      const shared = templates.render('approve', locals('applicant'));
      assert.equal(shared.subject, 'Validée D42');
      assert.equal(shared.text, 'Texte commun Tarifs & cantine <école>\nSigné\n');
      assert.equal(shared.html, '<p>Tarifs &amp; cantine &lt;école&gt;</p>');
      const own = templates.render('approve', locals('applicant'), join(dir, 'api-x'));
      assert.equal(own.subject, 'Propre à X D42');
      assert.match(own.text, /^Texte de X\nSigné/);
      assert.throws(() => templates.render('raw', locals('applicant')), { name: 'EmailTemplateError', message: /must escape every value/ });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a local the payload lacks, and an unknown template', () => {
    const { definitionName: _n, ...partial } = locals('applicant');
    assert.throws(() => sharedEmailTemplates().render('refuse', partial), { name: 'EmailTemplateError', message: /"definitionName" not defined/ });
    assert.throws(() => sharedEmailTemplates().render('nope', locals('applicant')), { name: 'EmailTemplateError' });
    assert.throws(() => sharedEmailTemplates().render('../secret', locals('applicant')), { name: 'EmailTemplateError' });
  });
});

describe('e-mails over SMTP', function () {
  let smtp: SMTPServer;
  let port: number;
  const received: Received[] = [];
  let previousPublicUrl: string | undefined;

  before(async () => {
    previousPublicUrl = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = PUBLIC_URL;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    port = (smtp.server.address() as AddressInfo).port;
  });
  after(async () => {
    if (previousPublicUrl === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = previousPublicUrl;
    closeEmailTransports();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const settings = (smtpUrl?: string) => (): EmailSettings => ({ smtpUrl, from: DEFAULT_MAIL_FROM, publicUrl: PUBLIC_URL });

  for (const choice of databaseChoices()) {
    describe(`through a request's life (${choice.name})`, function () {
      this.timeout(120_000);
      let t: TestApp;
      let applicant: ApiClient, instructor: ApiClient, admin: ApiClient, muted: ApiClient;
      let seen = 0;

      before(async function () {
        t = await startTestApp(await choice.start(this));
        const now = t.clock.now();
        await createUser(t.db, { email: MUTED, givenName: 'Muriel', familyName: 'Muette', roles: ['dinum:api-particulier:instructor'] }, now);
        await createUser(t.db, { email: OTHER_DEFINITION, givenName: 'Étienne', familyName: 'Entreprise', roles: ['dinum:api-entreprise:instructor'] }, now);
        [applicant, instructor, admin] = await Promise.all([t.client('applicant'), t.client('instructor'), t.client('admin')]);
        muted = await ApiClient.signIn(t.baseUrl, MUTED);
      });
      after(async () => t?.close());

      const fire = async (client: ApiClient, id: string, event: string, extra: Record<string, unknown> = {}) => {
        const version = (await admin.get(`/api/requests/${id}`)).body.request.version;
        const response = await client.post(`/api/requests/${id}/events/${event}`, { version, ...extra });
        assert.equal(response.status, 200, `${event}: ${JSON.stringify(response.body)}`);
      };

      /** The e-mail rows queued since the last call. */
      const queued = async (): Promise<Row[]> => {
        const rows = await t.db('notifications').where('kind', 'email').andWhere('id', '>', seen).orderBy('id');
        if (rows.length) seen = Number(rows.at(-1).id);
        return rows.map((r: Record<string, unknown>) => {
          const payload = fromJson<{ to: string; template: string }>(r.payload);
          return {
            id: Number(r.id),
            to: payload.to,
            template: payload.template,
            notification: { id: Number(r.id), deliveryId: String(r.delivery_id), kind: 'email', requestId: Number(r.request_id), ...(r.event_id ? { eventId: Number(r.event_id) } : {}), payload: payload as unknown as Record<string, unknown>, attempts: 0, createdAt: toIso(r.created_at) },
          };
        });
      };
      const recipients = (rows: Row[]) => rows.map((r) => r.to).sort();

      const html = (client: ApiClient, path: string) => client.request('GET', path, undefined, { accept: 'text/html' });

      it('lets an instructor turn e-mails off per definition', async () => {
        const page = await html(muted, '/instruction/e-mails');
        assert.equal(page.status, 200);
        assert.match(page.body, /API Particulier/);
        assert.match(page.body, /E-mails de nouvelles demandes/);
        const checked = (body: string, value: string) => new RegExp(`<input[^>]*checked=""[^>]*value="${value}"`).test(body);
        assert.ok(checked(page.body, 'api-particulier:requests') && checked(page.body, 'api-particulier:messages'), 'everything is sent until turned off');
        assert.doesNotMatch(page.body, /api-entreprise/, 'only the definitions of their roles');
        // Everything unchecked; a box of a definition they have no role on changes nothing.
        const saved = await muted.request('POST', '/instruction/e-mails', { on: ['france-connect:requests'] });
        assert.equal(saved.status, 303);
        const after = await html(muted, '/instruction/e-mails');
        assert.ok(!checked(after.body, 'api-particulier:requests') && !checked(after.body, 'api-particulier:messages'), 'both turned off');
        assert.deepEqual(await t.db('email_opt_outs').select('definition_id', 'topic').orderBy('topic'), [
          { definition_id: 'api-particulier', topic: 'messages' },
          { definition_id: 'api-particulier', topic: 'requests' },
        ]);
      });

      it('e-mails the right people at each event, and delivers each e-mail in French over SMTP', async () => {
        const data = structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
        const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const id: string = created.body.request.id;
        assert.deepEqual(await queued(), [], 'nobody is told of a draft');

        const team = [PEOPLE.instructor.email, PEOPLE.secondInstructor.email].sort();
        const steps: { label: string; act: () => Promise<unknown>; to: string[]; template: string }[] = [
          { label: 'submit', act: () => fire(applicant, id, 'submit'), to: team, template: 'submit' },
          { label: 'request_changes', act: () => fire(instructor, id, 'request_changes', { reason: 'Précisez la durée de conservation.' }), to: [PEOPLE.applicant.email], template: 'request_changes' },
          { label: 'resubmit', act: () => fire(applicant, id, 'submit'), to: team, template: 'submit' },
          { label: 'approve', act: () => fire(instructor, id, 'approve'), to: [PEOPLE.applicant.email, DPO].sort(), template: 'approve' },
          { label: 'message from the applicant', act: () => applicant.post(`/api/requests/${id}/messages`, { body: 'Bonjour, une question.' }), to: [...team, PEOPLE.reporter.email].sort(), template: 'message' },
          { label: 'message from an instructor', act: () => instructor.post(`/api/requests/${id}/messages`, { body: 'Voici la réponse.' }), to: [PEOPLE.applicant.email], template: 'message' },
          { label: 'revoke', act: () => fire(instructor, id, 'revoke', { reason: 'Le service a fermé.' }), to: [PEOPLE.applicant.email], template: 'revoke' },
        ];
        const deliver = createEmailDelivery({ settings: settings(`smtp://127.0.0.1:${port}`) });
        for (const step of steps) {
          await step.act();
          const rows = await queued();
          assert.deepEqual(recipients(rows), step.to, step.label);
          assert.ok(!recipients(rows).includes(MUTED) && !recipients(rows).includes(OTHER_DEFINITION) && !recipients(rows).includes(PEOPLE.dgfipInstructor.email) && !recipients(rows).includes(PEOPLE.admin.email), step.label);
          for (const row of rows) {
            assert.equal(row.template, step.template);
            const before = received.length;
            assert.deepEqual(await deliver(t.ctx, row.notification), { ok: true }, `${step.label} to ${row.to}`);
            const mail = received.slice(before).find((m) => m.rcptTo.includes(row.to));
            assert.ok(mail, `${step.label}: nothing received for ${row.to}`);
            assert.deepEqual(mail.rcptTo, [row.to]);
            assert.match(mail.subject, new RegExp(`^\\[DataPass\\] .*${id}`), `${step.label}: ${mail.subject}`);
            assert.match(mail.text, new RegExp(`Demande : ${id} – `), step.label);
            assert.match(mail.text, /L’équipe DataPass/);
            assert.ok(mail.headers.get('message-id')?.includes(row.notification.deliveryId), 'the Message-ID names the delivery');
            assert.match(mail.headers.get('from') ?? '', /ne-pas-repondre@datapass\.gouv\.fr/);
          }
          if (step.label === 'request_changes') {
            const mail = received.at(-1)!;
            assert.equal(mail.subject, `[DataPass] Des modifications sont demandées sur votre demande ${id}`);
            assert.match(mail.text, /^Bonjour Camille Demandeur,/);
            assert.match(mail.text, /Précisez la durée de conservation\./);
            assert.ok(mail.text.includes(`${PUBLIC_URL}/demandes/${id}`), 'the link to the request');
          }
          if (step.label === 'submit') {
            const mail = received.find((m) => m.rcptTo.includes(PEOPLE.instructor.email))!;
            assert.match(mail.subject, new RegExp(`Demande ${id} à instruire – API Particulier`));
            assert.ok(mail.text.includes(`${PUBLIC_URL}/instruction/demandes/${id}`), 'the link to instruct it');
            assert.ok(mail.text.includes(`${PUBLIC_URL}/instruction/e-mails`), 'the team can turn these e-mails off');
            assert.match(mail.text, /Commune A \(SIRET 21350238500019\)/);
          }
          if (step.label === 'approve') {
            const dpo = received.find((m) => m.rcptTo.includes(DPO))!;
            assert.match(dpo.subject, /Habilitation H\d+ délivrée à Commune A \(demande D\d+\) – API Particulier/);
            assert.match(dpo.text, /délégué·e à la protection des données/);
            const own = received.filter((m) => m.rcptTo.includes(PEOPLE.applicant.email)).at(-1)!;
            assert.equal(own.subject, `[DataPass] Votre demande ${id} est validée – API Particulier`);
          }
        }

        // A second delivery of one notification carries the same Message-ID: the receiver can tell.
        const last = received.at(-1)!;
        const revokeRow = (await t.db('notifications').where({ kind: 'email' }).orderBy('id', 'desc').first())!;
        const again = await deliver(t.ctx, { id: Number(revokeRow.id), deliveryId: String(revokeRow.delivery_id), kind: 'email', requestId: Number(revokeRow.request_id), payload: fromJson(revokeRow.payload), attempts: 1, createdAt: toIso(revokeRow.created_at) });
        assert.deepEqual(again, { ok: true });
        assert.equal(received.at(-1)!.headers.get('message-id'), last.headers.get('message-id'));
      });

      it('fails for good on a missing local, and retries when the SMTP server is unreachable', async () => {
        const deliver = createEmailDelivery({ settings: settings(`smtp://127.0.0.1:${port}`) });
        const base: ClaimedNotification = { id: 1, deliveryId: '00000000-0000-4000-8000-000000000001', kind: 'email', requestId: 1, payload: { to: 'x@exemple.fr', template: 'refuse', definitionId: 'api-particulier', locals: { requestId: 'D1' } }, attempts: 0, createdAt: t.clock.now().toISOString() };
        const broken = await deliver(t.ctx, base);
        assert.equal(broken.ok, false);
        assert.equal(!broken.ok && broken.retryable, false);
        const unreachable = createEmailDelivery({ settings: settings('smtp://127.0.0.1:1') });
        const row = (await t.db('notifications').where({ kind: 'email' }).orderBy('id').first())!;
        const outcome = await unreachable(t.ctx, { ...base, deliveryId: String(row.delivery_id), payload: fromJson(row.payload) });
        assert.equal(outcome.ok, false);
        assert.equal(!outcome.ok && outcome.retryable, true);
      });

      it('without SMTP_URL keeps e-mails in a mailbox that only admins read', async () => {
        const deliver = createEmailDelivery({ settings: settings(undefined) });
        const rows = await t.db('notifications').where({ kind: 'email' }).orderBy('id');
        for (const r of rows) {
          const outcome = await deliver(t.ctx, { id: Number(r.id), deliveryId: String(r.delivery_id), kind: 'email', requestId: Number(r.request_id), payload: fromJson(r.payload), attempts: 0, createdAt: toIso(r.created_at) });
          assert.deepEqual(outcome, { ok: true });
        }
        // Delivered twice, kept once.
        const first = rows[0]!;
        await deliver(t.ctx, { id: Number(first.id), deliveryId: String(first.delivery_id), kind: 'email', requestId: Number(first.request_id), payload: fromJson(first.payload), attempts: 1, createdAt: toIso(first.created_at) });
        const kept = await t.db('mailbox_emails').orderBy('id');
        assert.equal(kept.length, rows.length);

        const list = await html(admin, '/admin/emails');
        assert.equal(list.status, 200);
        assert.match(list.body, /E-mails envoyés/);
        assert.ok(list.body.includes(PEOPLE.applicant.email), 'the applicant in the list');
        assert.ok(list.body.includes(DPO), 'the DPO in the list');
        assert.match(list.body, /Des modifications sont demandées sur votre demande D\d+/);
        const one = kept.find((k: { template: string }) => k.template === 'request_changes')!;
        const read = await html(admin, `/admin/emails/${one.id}`);
        assert.equal(read.status, 200);
        assert.match(read.body, /Précisez la durée de conservation\./);
        assert.equal((await html(admin, '/admin/emails/999999')).status, 404);

        for (const client of [applicant, instructor]) {
          assert.equal((await html(client, '/admin/emails')).status, 403);
          assert.equal((await html(client, `/admin/emails/${one.id}`)).status, 403);
        }
        const anonymous = await fetch(`${t.baseUrl}/admin/emails`, { headers: { accept: 'text/html' }, redirect: 'manual' });
        assert.notEqual(anonymous.status, 200);
      });
    });
  }
});
