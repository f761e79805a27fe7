import assert from 'node:assert/strict';
import { fromJson } from '../../server/db/json.js';
import { sharedEmailTemplates } from '../../server/emails/sharedEmailTemplates.js';
import { addMembership } from '../../server/db/repositories/organizations.js';
import { createUser } from '../../server/db/repositories/users.js';
import { databaseChoices } from './helpers/databases.js';
import { ORGANIZATIONS, PEOPLE, startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';
import { getPage, postForm, textOf } from './pages/htmlClient.js';

const example = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
const COLLEAGUE = { email: 'claude.collegue@commune-a.fr', givenName: 'Claude', familyName: 'Collègue' };

for (const choice of databaseChoices()) {
  describe(`transferring a request (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient, instructor: ApiClient;
    let colleagueId: number;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      colleagueId = await createUser(t.db, { ...COLLEAGUE, roles: [] }, t.clock.now());
      await addMembership(t.db, colleagueId, t.organizationIds.communeA, t.clock.now());
      [applicant, instructor] = await Promise.all([t.client('applicant'), t.client('instructor')]);
    });
    after(async () => t?.close());

    /** A request of commune A by the applicant, submitted so that its instructors see it. */
    const submitted = async () => {
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data: example() });
      const done = await applicant.post(`/api/requests/${created.body.request.id}/events/submit`, { version: created.body.request.version, data: example() });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      return done.body.request as { id: string; version: number };
    };
    const owner = async (id: string) => {
      const row = await t.db('requests').where({ id: Number(id.slice(1)) }).first('organization_id', 'applicant_id');
      return { organizationId: Number(row.organization_id), applicantId: Number(row.applicant_id) };
    };
    const emails = async (id: string) =>
      (await t.db('notifications').where({ request_id: Number(id.slice(1)), kind: 'email' }).orderBy('id').select('payload')).map((r) => fromJson<{ to: string; template: string; locals: Record<string, unknown> }>(r.payload));
    const transfer = async (client: ApiClient, id: string, to: unknown) => client.post(`/api/requests/${id}/events/transfer`, { version: (await client.get(`/api/requests/${id}`)).body.request.version, to });

    it('refuses an applicant who moves a request into another organisation by guessed ids, or by SIRET, and leaves it where it was', async () => {
      const { id } = await submitted();
      const before = await owner(id);
      const byIds = await transfer(applicant, id, { userId: t.userIds.otherApplicant, organizationId: t.organizationIds.communeC });
      assert.ok([403, 422].includes(byIds.status), JSON.stringify(byIds.body));
      assert.equal(byIds.body.errors[0].source.pointer, '/to/organizationId');
      assert.match(byIds.body.errors[0].detail, /SIRET/);
      const bySiret = await transfer(applicant, id, { email: PEOPLE.otherApplicant.email, siret: ORGANIZATIONS.communeC.siret });
      assert.equal(bySiret.status, 403, JSON.stringify(bySiret.body));
      assert.equal(bySiret.body.errors[0].source.pointer, '/to/siret');
      assert.match(bySiret.body.errors[0].detail, /autre organisation est fait par l’équipe instructrice/);
      // Even an organisation the applicant belongs to: moving across organisations is the instructors' act.
      const ownOther = await transfer(applicant, id, { email: PEOPLE.applicant.email, siret: ORGANIZATIONS.communeB.siret });
      assert.equal(ownOther.status, 403, JSON.stringify(ownOther.body));
      // Someone of another organisation by e-mail: the same answer as an unknown address, nothing to enumerate.
      const outsider = await transfer(applicant, id, { email: PEOPLE.otherApplicant.email });
      const nobody = await transfer(applicant, id, { email: 'personne@nulle-part.fr' });
      assert.equal(outsider.status, 422);
      assert.equal(nobody.status, 422);
      assert.equal(outsider.body.errors[0].code, nobody.body.errors[0].code);
      assert.equal(outsider.body.errors[0].source.pointer, '/to/email');
      assert.deepEqual(await owner(id), before);
    });

    it('lets an applicant hand the request to a colleague of the same organisation, who is told by e-mail', async () => {
      const { id } = await submitted();
      const moved = await transfer(applicant, id, { email: COLLEAGUE.email.toUpperCase() });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.deepEqual(await owner(id), { organizationId: t.organizationIds.communeA, applicantId: colleagueId });
      const sent = await emails(id);
      assert.ok(sent.some((e) => e.to === COLLEAGUE.email && e.template === 'transfer'), JSON.stringify(sent));
      assert.ok(!sent.some((e) => e.template === 'transferred_away'), 'the former applicant did it: no e-mail to them');
    });

    it('lets an instructor move the request to another organisation by SIRET and e-mail: recorded, both applicants told', async () => {
      const { id } = await submitted();
      const moved = await transfer(instructor, id, { email: ` ${PEOPLE.otherApplicant.email} `, siret: ORGANIZATIONS.communeC.siret.replace(/(\d{3})/g, '$1 ') });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.deepEqual(await owner(id), { organizationId: t.organizationIds.communeC, applicantId: t.userIds.otherApplicant });
      const events = (await instructor.get(`/api/requests/${id}/events`)).body.events as { event: string; transfer?: unknown }[];
      const recorded = events.find((e) => e.event === 'transfer');
      assert.deepEqual(recorded?.transfer, {
        from: { userId: t.userIds.applicant, organizationId: t.organizationIds.communeA },
        to: { userId: t.userIds.otherApplicant, organizationId: t.organizationIds.communeC },
      });
      const sent = await emails(id);
      assert.ok(sent.some((e) => e.to === PEOPLE.otherApplicant.email && e.template === 'transfer'), JSON.stringify(sent));
      const away = sent.find((e) => e.to === PEOPLE.applicant.email && e.template === 'transferred_away');
      assert.ok(away, JSON.stringify(sent));
      const text = sharedEmailTemplates().render(away.template, away.locals).text;
      assert.ok(text.includes(`a été transférée à Dominique Autre, pour Commune C (SIRET ${ORGANIZATIONS.communeC.siret})`), text);
      const review = textOf((await getPage(t.baseUrl, `/instruction/demandes/${id}`, instructor)).html);
      assert.ok(review.includes(`de Camille Demandeur (Commune A, SIRET ${ORGANIZATIONS.communeA.siret}) à Dominique Autre (Commune C, SIRET ${ORGANIZATIONS.communeC.siret})`), review);
    });

    it('tells the instructor, with a pointer, what is wrong with the target', async () => {
      const { id } = await submitted();
      const cases: [unknown, number, string, string, RegExp][] = [
        [{ email: PEOPLE.otherApplicant.email, siret: '21130055300017' }, 422, 'TRANSFER_TARGET_INVALID', '/to/siret', /SIRET n'est pas valide/],
        [{ email: PEOPLE.otherApplicant.email, siret: '21350238500007' }, 422, 'TRANSFER_ORGANIZATION_UNKNOWN', '/to/siret', /n’est connue de DataPass/],
        [{ email: PEOPLE.applicant.email, siret: ORGANIZATIONS.closed.siret }, 422, 'ORGANIZATION_CLOSED', '/to/siret', /fermé/],
        [{ email: 'personne@nulle-part.fr', siret: ORGANIZATIONS.communeC.siret }, 422, 'TRANSFER_USER_UNKNOWN', '/to/email', /Aucun compte n’a l’adresse « personne@nulle-part.fr »/],
        [{ email: PEOPLE.applicant.email, siret: ORGANIZATIONS.communeC.siret }, 422, 'TRANSFER_TARGET_INVALID', '/to/email', /Aucun membre de Commune C/],
        [{ siret: ORGANIZATIONS.communeC.siret }, 422, 'TRANSFER_TARGET_INVALID', '/to/email', /adresse e-mail du nouveau demandeur/],
        [{ userId: 'abc' }, 422, 'TRANSFER_TARGET_INVALID', '/to/userId', /nombre/],
      ];
      for (const [to, status, code, pointer, detail] of cases) {
        const refused = await transfer(instructor, id, to);
        assert.equal(refused.status, status, JSON.stringify([to, refused.body]));
        assert.equal(refused.body.errors[0].code, code, JSON.stringify(to));
        assert.equal(refused.body.errors[0].source.pointer, pointer, JSON.stringify(to));
        assert.match(refused.body.errors[0].detail, detail);
      }
      assert.equal((await owner(id)).organizationId, t.organizationIds.communeA);
    });

    it('transfers from the review page’s form by e-mail and SIRET, and shows why not in French', async () => {
      const { id } = await submitted();
      const review = await getPage(t.baseUrl, `/instruction/demandes/${id}`, instructor);
      const version = /name="version" value="(\d+)"/.exec(review.html)![1]!;
      const wrong = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/transfer`, instructor, { version, email: PEOPLE.otherApplicant.email, siret: '123' });
      assert.equal(wrong.status, 422);
      assert.ok(textOf(wrong.html).includes('Le numéro SIRET doit compter 14 chiffres.'), textOf(wrong.html));
      const moved = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/transfer`, instructor, { version, email: PEOPLE.otherApplicant.email, siret: ORGANIZATIONS.communeC.siret });
      assert.equal(moved.status, 303, textOf(moved.html));
      assert.equal((await owner(id)).organizationId, t.organizationIds.communeC);
    });
  });
}
