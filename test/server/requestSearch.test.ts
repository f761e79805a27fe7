import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../../server/db/createDatabase.js';
import { migrate } from '../../server/db/migrate.js';
import { indexAllRequests, searchDocument } from '../../server/db/repositories/requestSearch.js';
import { countRequestsByState, listRequests } from '../../server/db/repositories/requests.js';
import { FEW_MATCHES, fts5Query, parseTextSearch, tsQuery } from '../../server/db/repositories/searchCondition.js';
import { databaseChoices } from './helpers/databases.js';
import { ORGANIZATIONS, PEOPLE, startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';

const example = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
const ids = (body: { requests: { id: string }[] }) => body.requests.map((r) => r.id);

describe('a request\'s search document', () => {
  it('holds its identifiers, organisation, applicant and every string of its data, folded, after the words of its scope', () => {
    const document = searchDocument({
      requestId: 12,
      definitionId: 'api-particulier',
      organization: { id: 3, name: 'Commune d’Évry-Courcouronnes', siret: '21910228500015' },
      applicant: { givenName: 'Agnès', familyName: 'Dupré', email: 'agnes.dupre@evry.fr' },
      authorizationIds: [5, 7],
      data: { basic_infos: { intitule: 'Cantine des ÉLÈVES', volumetrie: 1200 }, scopes: ['cnaf_quotient_familial'], oeuvre: 'Œuvre' },
    });
    assert.equal(document, 'zdefapiparticulier zorg3 d12 h5 h7 commune d evry courcouronnes 21910228500015 agnes dupre agnes dupre evry fr cantine des eleves cnaf quotient familial oeuvre');
  });
});

describe('reading a search query', () => {
  it('keeps only letters and digits, folded, so that no query syntax gets through', () => {
    const search = parseTextSearch('« Élève » "quotient NEAR(a OR b) -moins* col:umn ^x camille.martin@clamart.fr');
    assert.equal(search.kind, 'words');
    if (search.kind !== 'words') return;
    assert.deepEqual(search.terms.map((t) => t.words.join(' ')), ['eleve', 'quotient', 'near a', 'or', 'b', 'moins', 'col umn', 'x', 'camille martin clamart fr']);
    assert.equal(fts5Query(search.terms), '"eleve" AND "quotient" AND "near a" AND "or" AND "b" AND "moins" AND "col umn" AND "x" AND "camille martin clamart fr"');
    assert.equal(tsQuery(search.terms.slice(-2)), `'x' & 'camille' <-> 'martin' <-> 'clamart' <-> 'fr'`);
    assert.deepEqual(parseTextSearch('  " * - : ( ) '), { kind: 'none' });
    assert.deepEqual(parseTextSearch('d42'), { kind: 'request', id: 42 });
    assert.deepEqual(parseTextSearch(' H7 '), { kind: 'authorization', id: 7 });
    const last = parseTextSearch('cantine clam');
    assert.ok(last.kind === 'words' && last.terms[1]!.prefix && !last.terms[0]!.prefix, 'the last word typed is a prefix');
    const id = parseTextSearch('cantine D12');
    assert.ok(id.kind === 'words' && !id.terms[1]!.prefix, 'an identifier is never a prefix');
  });
});

for (const choice of databaseChoices()) {
  describe(`the migration to the search (${choice.name})`, function () {
    this.timeout(60_000);
    it('indexes the requests that existed before it, then follows new writes', async function () {
      const started = await choice.start(this);
      const dir = mkdtempSync(join(tmpdir(), 'datapass-migration-'));
      const db = started.kind === 'postgres' ? createDatabase({ url: started.url }) : createDatabase({ sqliteFile: join(dir, 'test.sqlite') });
      try {
        await migrate(db, { upTo: '001_initial' });
        const at = new Date().toISOString();
        const [organization] = await db('organizations').insert({ siret: '21920023500014', name: 'Commune de Clamart', closed: false, created_at: at }).returning('id');
        const [user] = await db('users').insert({ email: 'agnes.dupre@clamart.fr', given_name: 'Agnès', family_name: 'Dupré', created_at: at, updated_at: at }).returning('id');
        const row = (name: string) => ({ definition_id: 'api-particulier', definition_version: 'v', state: 'draft', data: JSON.stringify({ basic_infos: { intitule: name } }), organization_id: Number(organization.id ?? organization), applicant_id: Number(user.id ?? user), created_at: at, updated_at: at });
        await db('requests').insert([row('Quotient de la crèche'), row('Cantine')]);
        await migrate(db);
        const found = await listRequests(db, { q: 'creche dupre clamart' });
        assert.deepEqual(found.map((r) => r.data), [{ basic_infos: { intitule: 'Quotient de la crèche' } }]);
        assert.equal((await listRequests(db, { q: '21920023500014' })).length, 2);
        // The triggers (SQLite) and the generated column (PostgreSQL) take over from the backfill.
        await db('requests').insert(row('Piscine'));
        await indexAllRequests(db);
        assert.equal((await listRequests(db, { q: 'piscine' })).length, 1);
        await db('request_documents').update({ document: 'autre' });
        assert.equal((await listRequests(db, { q: 'piscine' })).length, 0);
        assert.equal((await listRequests(db, { q: 'autre' })).length, 3);
      } finally {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe(`searching and counting the instruction desk's requests (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let applicant: ApiClient, otherApplicant: ApiClient, instructor: ApiClient, dinum: ApiClient, dgfip: ApiClient, admin: ApiClient;
    const r: Record<string, string> = {};
    /** The requests of the pagination test, oldest first. */
    const cantines: string[] = [];

    const fire = async (client: ApiClient, id: string, event: string, extra: Record<string, unknown> = {}) => {
      const version = (await admin.get(`/api/requests/${id}`)).body.request.version;
      const response = await client.post(`/api/requests/${id}/events/${event}`, { version, ...extra });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body.request;
    };
    const create = async (client: ApiClient, definitionId: string, basicInfos: Record<string, string>) => {
      t.clock.advance(60_000);
      const created = await client.post('/api/requests', { definitionId, useCaseId: 'libre', data: { basic_infos: basicInfos } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body.request.id as string;
    };
    const search = async (client: ApiClient, query: string) => {
      const response = await client.get(`/api/requests?scope=instruction&${query}`);
      assert.equal(response.status, 200, `${query}: ${JSON.stringify(response.body)}`);
      return ids(response.body);
    };
    const q = (text: string) => `q=${encodeURIComponent(text)}`;

    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, otherApplicant, instructor, dinum, dgfip, admin] = await Promise.all([
        t.client('applicant'),
        t.client('otherApplicant'),
        t.client('instructor'),
        t.client('secondInstructor'),
        t.client('dgfipInstructor'),
        t.client('admin'),
      ]);
      // 2026-11-24, Paris time.
      r.eleve = await create(applicant, 'api-particulier', { intitule: 'Cantine de chaque Élève', description: 'Tarifs de la restauration scolaire' });
      r.syntax = await create(applicant, 'api-particulier', { intitule: 'Quotient « OR » NEAR(tarifs) -moins* "guillemets" col:umn' });
      r.entreprise = await create(applicant, 'api-entreprise', { intitule: 'Marchés publics', description: 'Un élève de l’entreprise Zanzibar' });
      r.ficoba = await create(applicant, 'api-ficoba-sandbox', { intitule: 'Comptes bancaires', description: 'Élève boursier Zanzibar' });
      r.bibliotheque = await create(otherApplicant, 'api-particulier', { intitule: 'Bibliothèque municipale' });
      for (let i = 0; i < 7; i++) cantines.push(await create(applicant, 'api-particulier', { intitule: `Projet cantine ${i}` }));
      // 2026-11-25 00:30 in Paris, still the 24th in UTC.
      t.clock.advance(Date.parse('2026-11-24T23:30:00Z') - t.clock.now().getTime() - 60_000);
      r.late = await create(applicant, 'api-particulier', { intitule: 'Piscine tardive' });
    });
    after(async () => t?.close());

    it('finds a word of the data whatever its accents and case, by organisation name, SIRET, e-mail and several words', async () => {
      const particulierEleve = [r.eleve!];
      assert.deepEqual(await search(instructor, q('eleve')), particulierEleve);
      assert.deepEqual(await search(instructor, q('ÉLÈVE')), particulierEleve);
      assert.deepEqual(await search(instructor, q('Eleve restauration')), particulierEleve, 'several words, all required');
      assert.deepEqual(await search(instructor, q('eleve bibliotheque')), []);
      assert.deepEqual(await search(instructor, q('restaur')), particulierEleve, 'the last word is a prefix');
      assert.deepEqual(await search(instructor, q('Commune C')), [r.bibliotheque!], 'the organisation name');
      assert.deepEqual(await search(instructor, q('21130055300016')), [r.bibliotheque!], 'the SIRET');
      assert.deepEqual(await search(instructor, q('211300553')), [r.bibliotheque!], 'the start of a SIRET');
      assert.deepEqual(await search(instructor, q('dominique@commune-c.fr')), [r.bibliotheque!], 'the applicant e-mail');
      assert.deepEqual(await search(instructor, q('Dominique Autre')), [r.bibliotheque!], 'the applicant name');
      assert.deepEqual(await search(admin, q('eleve')), [r.ficoba!, r.entreprise!, r.eleve!], 'most recently updated first');
    });

    it('finds exactly the request D<id>, never another that starts the same', async () => {
      assert.deepEqual(await search(instructor, q(r.eleve!)), [r.eleve!]);
      assert.deepEqual(await search(instructor, q(r.eleve!.toLowerCase())), [r.eleve!]);
      assert.deepEqual(await search(admin, q('D1')), ['D1']);
      assert.deepEqual(await search(instructor, q(`${r.eleve} cantine`)), [r.eleve!], 'with other words');
      assert.deepEqual(await search(instructor, q('D999999')), []);
    });

    it('treats FTS and tsquery syntax as plain words, never as an error', async () => {
      assert.deepEqual(await search(instructor, q('"guillemets')), [r.syntax!]);
      assert.deepEqual(await search(instructor, q('NEAR(tarifs')), [r.syntax!]);
      assert.deepEqual(await search(instructor, q('quotient OR')), [r.syntax!], 'OR is a word the request must contain');
      assert.deepEqual(await search(instructor, q('quotient OR bibliotheque')), [], 'OR is not a disjunction');
      assert.deepEqual(await search(instructor, q('-moins*')), [r.syntax!]);
      assert.deepEqual(await search(instructor, q('col:umn')), [r.syntax!]);
      const all = await search(instructor, 'limit=200');
      for (const text of ['"', "'", '*', '-', ':', '(', ')', '^', '\\', '%', '_', '&', '|', '!', '<->', ':*', 'NEAR', 'NOT', 'AND', "'; drop table requests; --", 'a" OR "b', 'x:* & y', '(((', 'é̀́', '🙂', '中文']) {
        const found = await search(instructor, `${q(text)}&limit=200`);
        if (!parseTextSearch(text).kind.startsWith('w')) assert.deepEqual(found, all, `${text}: no word, no condition`);
      }
      assert.equal((await instructor.get(`/api/requests/counts?scope=instruction&${q('"(NEAR*')}`)).status, 200);
    });

    it('combines the text with the definition, state, creation days (Paris time) and reopening filters', async () => {
      assert.deepEqual(await search(instructor, `${q('cantine')}&definition=api-particulier&state=draft&limit=2`), [cantines[6]!, cantines[5]!]);
      assert.deepEqual(await search(instructor, `${q('cantine')}&state=submitted`), []);
      assert.deepEqual(await search(instructor, `${q('piscine')}&from=2026-11-25`), [r.late!], 'created at 00:30 in Paris on the 25th');
      assert.deepEqual(await search(instructor, `${q('piscine')}&to=2026-11-24`), []);
      assert.deepEqual(await search(instructor, `${q('eleve')}&from=2026-11-24&to=2026-11-24`), [r.eleve!]);
      assert.deepEqual(await search(instructor, `${q('eleve')}&from=2026-11-25`), []);
      assert.deepEqual(await search(instructor, `${q('eleve')}&reopening=false`), [r.eleve!]);
      assert.deepEqual(await search(instructor, `${q('eleve')}&reopening=true`), []);
      assert.deepEqual(await search(instructor, 'from=2026-11-25&limit=200'), [r.late!]);
    });

    it('pages through a search with a cursor, most recent first, each once', async () => {
      const expected = [...cantines].reverse().concat(r.eleve!);
      const seen: string[] = [];
      let path = `/api/requests?scope=instruction&${q('cantine')}&limit=3`;
      for (let page = 0; page < 10; page++) {
        const body = (await instructor.get(path)).body;
        seen.push(...ids(body));
        if (!body.next) break;
        path = `/api/requests?scope=instruction&${q('cantine')}&limit=3&after=${body.next}`;
      }
      assert.deepEqual(seen, expected);
    });

    it('counts per state under the same filters, without the state filter', async () => {
      const counts = (await instructor.get(`/api/requests/counts?scope=instruction&${q('cantine')}&state=validated`)).body;
      assert.equal(counts.counts.draft, 8);
      assert.equal(counts.counts.submitted, 0, 'every state of the definitions in scope is listed');
      assert.equal(counts.total, 8);
      const all = (await instructor.get('/api/requests/counts?scope=instruction')).body;
      assert.equal(all.total, (await search(instructor, 'limit=200')).length);
      const applicantCounts = (await otherApplicant.get(`/api/requests/counts?${q('cantine')}`)).body;
      assert.equal(applicantCounts.total, 0, 'an applicant counts their organisation only');
      assert.equal((await otherApplicant.get('/api/requests/counts')).body.total, 1);
    });

    it('never shows another provider\'s or another organisation\'s requests, by words, identifiers or counts', async () => {
      assert.deepEqual(await search(instructor, q('Zanzibar')), [], 'API Entreprise and FICOBA are not the instructor\'s');
      assert.deepEqual(await search(instructor, q(r.entreprise!)), []);
      assert.deepEqual(await search(instructor, `${q('Zanzibar')}&definition=api-entreprise`), []);
      assert.equal((await instructor.get(`/api/requests/counts?scope=instruction&${q('Zanzibar')}`)).body.total, 0);
      assert.deepEqual(await search(dinum, q('Zanzibar')), [r.entreprise!]);
      assert.deepEqual(await search(dgfip, q('eleve')), [r.ficoba!]);
      assert.deepEqual(await search(dgfip, q(r.eleve!)), []);
      assert.deepEqual(ids((await otherApplicant.get(`/api/requests?${q('eleve')}`)).body), [], 'an applicant searches their organisation only');
      assert.deepEqual(ids((await otherApplicant.get(`/api/requests?${q('bibliotheque')}`)).body), [r.bibliotheque!]);
      assert.deepEqual(ids((await applicant.get(`/api/requests?scope=instruction&${q('eleve')}`)).body), [], 'an applicant instructs nothing');
    });

    it('refuses bad filter values with a 400 that says what is wrong, in French, and where', async () => {
      const cases: [string, string][] = [
        ['from=2026-13-01', '/from'],
        ['to=24/11/2026', '/to'],
        ['from=2026-11-25&to=2026-11-24', '/to'],
        ['reopening=oui', '/reopening'],
        ['state=valide', '/state'],
        ['definition=api-inconnue', '/definition'],
        [`q=${'a'.repeat(201)}`, '/q'],
        ['q=a&q=b', '/q'],
        ['limit=abc', '/limit'],
        ['scope=tout', '/scope'],
      ];
      for (const [query, pointer] of cases) {
        for (const path of ['/api/requests', '/api/requests/counts']) {
          const response = await instructor.get(`${path}?scope=instruction&${query}`.replace('scope=instruction&scope=tout', 'scope=tout'));
          if (path.endsWith('counts') && pointer === '/state') continue;
          if (path.endsWith('counts') && pointer === '/limit') continue;
          assert.equal(response.status, 400, `${path}?${query}: ${JSON.stringify(response.body)}`);
          const [error] = response.body.errors;
          assert.equal(error.code, 'INPUT_INVALID');
          assert.equal(error.source.pointer, pointer, query);
          assert.match(error.detail, /[éèàô«]|doit|vaut/, `${query}: a French explanation`);
        }
      }
      assert.match((await instructor.get('/api/requests?scope=instruction&state=valide')).body.errors[0].detail, /États possibles : draft/);
    });

    it('follows a save, an approval (H<id>), a reopening, a transfer and a production stage in the same transaction as each', async () => {
      // A save: the old word no longer matches, the new one does.
      const before = (await applicant.get(`/api/requests/${r.eleve}`)).body.request;
      const data = { basic_infos: { intitule: 'Piscine de chaque élève', description: 'Tarifs des bassins' } };
      assert.equal((await applicant.patch(`/api/requests/${r.eleve}`, { version: before.version, data })).status, 200);
      assert.deepEqual(await search(instructor, q('restauration')), []);
      assert.deepEqual(await search(instructor, q('bassins piscine')), [r.eleve!]);

      // An approval: the authorization's H id finds its request.
      t.clock.advance(60_000);
      const full = example();
      (full.basic_infos as { intitule: string }).intitule = 'Tarifs Zéphyr';
      const id = (await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data: full })).body.request.id;
      await fire(applicant, id, 'submit');
      await fire(instructor, id, 'approve');
      const [authorization] = (await instructor.get(`/api/requests/${id}/authorizations`)).body.authorizations;
      assert.match(authorization.publicId, /^H\d+$/);
      assert.deepEqual(await search(instructor, q(authorization.publicId)), [id]);
      assert.deepEqual(await search(instructor, q(`zephyr ${authorization.publicId.toLowerCase()}`)), [id]);
      assert.deepEqual(await search(dgfip, q(authorization.publicId)), [], 'another provider');

      // A reopening: the filter finds it.
      await fire(applicant, id, 'reopen');
      assert.deepEqual(await search(instructor, `${q('zephyr')}&reopening=true`), [id]);
      assert.deepEqual(await search(instructor, 'reopening=true'), [id]);

      // A transfer to commune B: its name and SIRET now find the request, commune A's no longer do.
      assert.deepEqual(await search(instructor, `${q('Commune B zephyr')}`), []);
      // Moving a request across organisations is the instructors' act, naming the new applicant and their organisation.
      await fire(instructor, id, 'transfer', { to: { email: PEOPLE.applicant.email, siret: ORGANIZATIONS.communeB.siret } });
      assert.deepEqual(await search(instructor, `${q('Commune B zephyr')}`), [id]);
      assert.deepEqual(await search(instructor, `${q('21350238500019 zephyr')}`), []);

      // The production stage, created by the system when the sandbox's applicant starts it, is found at once.
      const sandboxData = structuredClone(testRegistry().definitions.get('api-ficoba-sandbox')!.examples.find((e) => e.name === 'valid-libre')!.data);
      (sandboxData.basic_infos as { intitule: string }).intitule = 'Comptes Xylophone';
      t.clock.advance(60_000);
      const sandbox = (await applicant.post('/api/requests', { definitionId: 'api-ficoba-sandbox', useCaseId: 'libre', data: sandboxData })).body.request.id;
      await fire(applicant, sandbox, 'submit');
      await fire(dgfip, sandbox, 'approve');
      t.clock.advance(60_000);
      await fire(applicant, sandbox, 'start_next_stage');
      const stages = await search(dgfip, q('xylophone'));
      assert.equal(stages.length, 2, 'the sandbox and its production stage');
      assert.equal(stages[1], sandbox);
      assert.equal((await dgfip.get(`/api/requests/${stages[0]}`)).body.request.definitionId, 'api-ficoba');

      // A refused write leaves the document as it was: a stale save changes nothing.
      const stale = await applicant.patch(`/api/requests/${r.eleve}`, { version: before.version, data: { basic_infos: { intitule: 'Mot fantôme' } } });
      assert.equal(stale.status, 409);
      assert.deepEqual(await search(instructor, q('fantome')), []);
    });
  });

  describe(`a search with more than ${FEW_MATCHES} matches, and the backfill (${choice.name})`, function () {
    this.timeout(300_000);
    let t: TestApp;
    let admin: ApiClient, dgfip: ApiClient;
    const COUNT = FEW_MATCHES + 700;
    const states = ['draft', 'submitted', 'validated'];
    interface Row { id: number; state: string; updatedAt: string; createdAt: string; words: string }
    const rows: Row[] = [];

    before(async function () {
      t = await startTestApp(await choice.start(this));
      [admin, dgfip] = await Promise.all([t.client('admin'), t.client('dgfipInstructor')]);
      // Written straight into the table, as existing rows are when the migration runs: the backfill indexes them.
      const base = Date.parse('2026-10-01T00:00:00Z');
      const batch: Record<string, unknown>[] = [];
      for (let i = 0; i < COUNT; i++) {
        const created = new Date(base + i * 600_000).toISOString();
        // Pairs share their update time: the cursor's tie-breaker is the id.
        const updated = new Date(base + Math.floor(i / 2) * 1_200_000 + 3_600_000).toISOString();
        const words = `Dossier fréquent ${i % 3 === 0 ? 'Rarissime' : 'ordinaire'} n°${i}`;
        batch.push({ definition_id: 'api-exemple', definition_version: 'test', use_case_id: 'libre', state: states[i % 3], data: JSON.stringify({ basic_infos: { intitule: words } }), version: 1, organization_id: t.organizationIds.communeC, applicant_id: t.userIds.otherApplicant, reopening: false, created_at: created, updated_at: updated });
        rows.push({ id: 0, state: states[i % 3]!, updatedAt: updated, createdAt: created, words });
      }
      for (let i = 0; i < batch.length; i += 200) await t.db('requests').insert(batch.slice(i, i + 200));
      const stored: { id: number; data: unknown }[] = await t.db('requests').where({ definition_id: 'api-exemple' }).orderBy('id').select('id', 'data');
      stored.forEach((s, i) => (rows[i]!.id = Number(s.id)));
      assert.equal(await indexAllRequests(t.db, 700), COUNT);
    });
    after(async () => t?.close());

    const expected = (filter: (row: Row) => boolean) =>
      rows
        .filter(filter)
        .sort((a, b) => (a.updatedAt === b.updatedAt ? b.id - a.id : a.updatedAt < b.updatedAt ? 1 : -1))
        .map((row) => `D${row.id}`);
    const everyPage = async (client: ApiClient, query: string) => {
      const seen: string[] = [];
      let path = `/api/requests?scope=instruction&${query}&limit=200`;
      for (;;) {
        const body = (await client.get(path)).body;
        seen.push(...ids(body));
        if (!body.next) return seen;
        path = `/api/requests?scope=instruction&${query}&limit=200&after=${body.next}`;
      }
    };

    it('pages through a frequent word (checked on each row) as through a rare one (looked up first), each once and in order', async () => {
      assert.deepEqual(await everyPage(admin, 'q=frequent&definition=api-exemple&state=submitted'), expected((row) => row.state === 'submitted'));
      assert.deepEqual(await everyPage(admin, 'q=frequent%20dossier&from=2026-10-10&to=2026-10-20'), expected((row) => row.createdAt >= '2026-10-09T22:00:00.000Z' && row.createdAt < '2026-10-20T22:00:00.000Z'));
      assert.deepEqual(await everyPage(admin, 'q=RARISSIME&definition=api-exemple'), expected((row) => row.words.includes('Rarissime')));
      assert.deepEqual(await everyPage(admin, 'q=ordinaire%20n%C2%B01234'), expected((row) => row.words.endsWith('n°1234')));
    });

    it('counts a frequent word as a rare one, and shows another provider nothing', async () => {
      const frequent = (await admin.get('/api/requests/counts?scope=instruction&q=frequent')).body;
      assert.equal(frequent.total, COUNT);
      assert.equal(frequent.counts.submitted, rows.filter((row) => row.state === 'submitted').length);
      const rare = await countRequestsByState(t.ctx.reads, { q: 'rarissime', definitionIds: ['api-exemple'] });
      assert.deepEqual(rare, Object.fromEntries(states.map((s) => [s, rows.filter((row) => row.state === s && row.words.includes('Rarissime')).length]).filter(([, n]) => n)));
      assert.deepEqual(await everyPage(dgfip, 'q=frequent'), []);
      assert.equal((await dgfip.get('/api/requests/counts?scope=instruction&q=frequent')).body.total, 0);
      assert.deepEqual(await listRequests(t.ctx.reads, { q: 'frequent', definitionIds: ['api-particulier'] }), []);
    });
  });
}
