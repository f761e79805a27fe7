import assert from 'node:assert/strict';
import { toIso } from '../../server/db/json.js';
import { backfillMilestones } from '../../server/db/repositories/milestones.js';
import { requestStatistics, type Statistics } from '../../server/db/repositories/statistics.js';
import { ClosedPeriods } from '../../server/db/repositories/statisticsClosedPeriods.js';
import { addToHistogram, percentileOf, type Histogram } from '../../server/db/repositories/statisticsHistogram.js';
import { BUCKETS_PER_E } from '../../server/db/repositories/statisticsSql.js';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';

const DAY = 86_400_000;
const exampleOf = (definitionId: string, name: string) => structuredClone(testRegistry().definitions.get(definitionId)!.examples.find((e) => e.name === name)!);
// Rounded: interpolating between two ranks in floating point gives 3.8000000000000007 days.
const days = (seconds: number | undefined) => (seconds === undefined ? undefined : Math.round((seconds / 86_400) * 1e6) / 1e6);

/**
 * Seven requests whose every event happens at a known day of the test clock (day 0 is Tuesday 24 November
 * 2026, 09:00 UTC), so that every figure is known:
 *
 * | request | created | submitted | first answer        | decided        | state at the end                    |
 * | P1      | 0       | 1 (and 6) | 4 changes asked     | 9 approved     | validated                           |
 * | P2      | 0       | 2         | 3 approved          | 3              | validated (reopened 13, approved 15) |
 * | P3      | 0       | 3         | 8 refused           | 8              | refused                             |
 * | P4      | 0       | 10        | 11 changes asked    | –              | changes_requested                   |
 * | P5      | 0       | 12        | –                   | –              | submitted                           |
 * | P6      | 0       | –         | –                   | –              | draft                               |
 * | E1      | 0       | 5         | 7 approved          | 7              | validated (API Entreprise)          |
 */
for (const choice of databaseChoices()) {
  describe(`statistics from the request milestones (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let applicant: ApiClient, instructor: ApiClient, dinum: ApiClient;
    const ids: Record<string, string> = {};
    const start = Date.parse('2026-11-24T09:00:00Z');
    const dayOf = (iso: string | undefined) => (iso === undefined ? undefined : (Date.parse(iso) - start) / DAY);

    const fire = async (client: ApiClient, key: string, event: string, extra: Record<string, unknown> = {}) => {
      const current = await applicant.get(`/api/requests/${ids[key]}`);
      const response = await client.post(`/api/requests/${ids[key]}/events/${event}`, { version: current.body.request.version, ...extra });
      assert.equal(response.status, 200, `${event} on ${key}: ${JSON.stringify(response.body)}`);
    };
    const at = (day: number) => t.clock.advance(start + day * DAY - t.clock.now().getTime());
    const milestones = async (key: string) => {
      const row = await t.db('requests').where({ id: Number(ids[key]!.slice(1)) }).first('first_submitted_at', 'first_instructed_at', 'decided_at');
      return { submitted: dayOf(toIso(row.first_submitted_at, true)), instructed: dayOf(toIso(row.first_instructed_at, true)), decided: dayOf(toIso(row.decided_at, true)) };
    };
    const stats = (definitionId?: string): Promise<Statistics> => requestStatistics(t.db, { now: t.clock.now(), definitionId });
    // As the pages do: the figures of the months and weeks over are kept from one call to the next.
    const closedPeriods = new ClosedPeriods();
    const keptAlong: Statistics[] = [];
    const statsKeepingClosedPeriods = async () => keptAlong.push(await requestStatistics(t.db, { now: t.clock.now(), closedPeriods }));

    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, instructor, dinum] = await Promise.all([t.client('applicant'), t.client('instructor'), t.client('secondInstructor')]);
      const particulier = exampleOf('api-particulier', 'valid-tarification-municipale-enfance');
      const entreprise = exampleOf('api-entreprise', 'valid-marches-publics');
      for (const key of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6']) {
        const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: particulier.useCaseId, data: particulier.data });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        ids[key] = created.body.request.id;
      }
      const created = await applicant.post('/api/requests', { definitionId: 'api-entreprise', useCaseId: entreprise.useCaseId, data: entreprise.data });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ids.E1 = created.body.request.id;

      const reason = { reason: 'Précisez la durée de conservation.' };
      at(1);
      await fire(applicant, 'P1', 'submit');
      at(2);
      await fire(applicant, 'P2', 'submit');
      at(3);
      await fire(applicant, 'P3', 'submit');
      await fire(instructor, 'P2', 'approve');
      await statsKeepingClosedPeriods();
      at(4);
      await fire(instructor, 'P1', 'request_changes', reason);
      at(5);
      await fire(applicant, 'E1', 'submit');
      at(6);
      await fire(applicant, 'P1', 'submit');
      at(7);
      await fire(dinum, 'E1', 'approve');
      await statsKeepingClosedPeriods();
      at(8);
      await fire(instructor, 'P3', 'refuse', { reason: 'Cadre juridique insuffisant.' });
      at(9);
      await fire(instructor, 'P1', 'approve');
      at(10);
      await fire(applicant, 'P4', 'submit');
      at(11);
      await fire(instructor, 'P4', 'request_changes', reason);
      at(12);
      await fire(applicant, 'P5', 'submit');
      await statsKeepingClosedPeriods();
      at(13);
      await fire(applicant, 'P2', 'reopen');
      at(14);
      await fire(applicant, 'P2', 'submit');
      at(15);
      await fire(instructor, 'P2', 'approve');
      at(16);
    });
    after(async () => t?.close());

    it('keeps each request’s milestones as its events happen: the first submission stays on resubmission, a reopening changes none', async () => {
      assert.deepEqual(await milestones('P1'), { submitted: 1, instructed: 4, decided: 9 }, 'resubmitted at day 6: the first submission stays');
      assert.deepEqual(await milestones('P2'), { submitted: 2, instructed: 3, decided: 3 }, 'reopened, resubmitted and approved again: the first instruction’s milestones stay');
      assert.deepEqual(await milestones('P3'), { submitted: 3, instructed: 8, decided: 8 });
      assert.deepEqual(await milestones('P4'), { submitted: 10, instructed: 11, decided: undefined });
      assert.deepEqual(await milestones('P5'), { submitted: 12, instructed: undefined, decided: undefined });
      assert.deepEqual(await milestones('P6'), { submitted: undefined, instructed: undefined, decided: undefined });
      assert.deepEqual(await milestones('E1'), { submitted: 5, instructed: 7, decided: 7 });
    });

    it('backfills the same milestones from the event log (what migration 003 does for existing requests)', async () => {
      const read = async () => (await t.db('requests').orderBy('id').select('id', 'first_submitted_at', 'first_instructed_at', 'decided_at')).map((r) => [r.id, toIso(r.first_submitted_at, true), toIso(r.first_instructed_at, true), toIso(r.decided_at, true)]);
      const kept = await read();
      await t.db('requests').update({ first_submitted_at: null, first_instructed_at: null, decided_at: null });
      await backfillMilestones(t.db);
      assert.deepEqual(await read(), kept);
    });

    it('counts the requests per definition and state', async () => {
      assert.deepEqual((await stats()).counts, [
        { definitionId: 'api-entreprise', state: 'validated', count: 1 },
        { definitionId: 'api-particulier', state: 'changes_requested', count: 1 },
        { definitionId: 'api-particulier', state: 'draft', count: 1 },
        { definitionId: 'api-particulier', state: 'refused', count: 1 },
        { definitionId: 'api-particulier', state: 'submitted', count: 1 },
        { definitionId: 'api-particulier', state: 'validated', count: 2 },
      ]);
      assert.deepEqual((await stats('api-entreprise')).counts, [{ definitionId: 'api-entreprise', state: 'validated', count: 1 }]);
    });

    it('gives the median and 80th percentile of each duration, for all definitions and per definition', async () => {
      const s = await stats();
      const view = (f: { count: number; median?: number; p80?: number }) => ({ count: f.count, median: days(f.median), p80: days(f.p80) });
      // Creation → first submission: API Particulier 1, 2, 3, 10, 12 days; API Entreprise 5.
      assert.deepEqual(view(s.durations.submission.byDefinition['api-particulier']!), { count: 5, median: 3, p80: 10.4 });
      assert.deepEqual(view(s.durations.submission.byDefinition['api-entreprise']!), { count: 1, median: 5, p80: 5 });
      assert.deepEqual(view(s.durations.submission.all), { count: 6, median: 4, p80: 10 });
      // First submission → first answer: 3, 1, 5, 1 days; 2.
      assert.deepEqual(view(s.durations.firstAnswer.byDefinition['api-particulier']!), { count: 4, median: 2, p80: 3.8 });
      assert.deepEqual(view(s.durations.firstAnswer.all), { count: 5, median: 2, p80: 3.4 });
      // First submission → decision: 8, 1, 5 days; 2 (P4 and P5 are not decided).
      assert.deepEqual(view(s.durations.decision.byDefinition['api-particulier']!), { count: 3, median: 5, p80: 6.8 });
      assert.deepEqual(view(s.durations.decision.all), { count: 4, median: 3.5, p80: 6.2 });
      assert.equal(s.durationsSince, '2025-12-01T00:00:00.000Z');
      const entreprise = await stats('api-entreprise');
      assert.deepEqual(view(entreprise.durations.decision.all), { count: 1, median: 2, p80: 2 });
      assert.deepEqual(Object.keys(entreprise.durations.decision.byDefinition), ['api-entreprise']);
    });

    it('follows the backlog week by week (Monday to Monday, Paris time), from the first submission', async () => {
      assert.deepEqual((await stats()).backlog, [
        // P1, P2, P3 and E1 submitted, P2 approved.
        { weekStart: '2026-11-22T23:00:00.000Z', at: '2026-11-29T23:00:00.000Z', submitted: 4, decided: 1, awaiting: 3 },
        // P4 and P5 submitted; E1, P3 and P1 decided (P1's resubmission is not a new submission).
        { weekStart: '2026-11-29T23:00:00.000Z', at: '2026-12-06T23:00:00.000Z', submitted: 2, decided: 3, awaiting: 2 },
        // The current week, up to now: P2's reopening is not counted.
        { weekStart: '2026-12-06T23:00:00.000Z', at: '2026-12-10T09:00:00.000Z', submitted: 0, decided: 0, awaiting: 2 },
      ]);
      assert.deepEqual(
        (await stats('api-entreprise')).backlog.map((p) => p.awaiting),
        [1, 0, 0],
      );
    });

    it('gives the same figures when the months and weeks over are kept from earlier calls (a month and two weeks ended meanwhile)', async () => {
      await statsKeepingClosedPeriods();
      assert.equal(keptAlong.length, 4);
      assert.deepEqual(keptAlong.at(-1), await stats());
      // The first call, on Friday 27 November, saw only P1, P2 and P3 submitted and P2 decided.
      assert.deepEqual(keptAlong[0]!.backlog.map((p) => p.awaiting), [2]);
      assert.equal(keptAlong[0]!.durations.decision.all.count, 1);
    });

    it('looks back twelve months only: fourteen months later, the durations are empty and the backlog is flat', async () => {
      const later = await requestStatistics(t.db, { now: new Date(start + 420 * DAY) });
      assert.equal(later.durations.decision.all.count, 0);
      assert.equal(later.durations.decision.all.median, undefined);
      assert.equal(later.counts.reduce((sum, c) => sum + c.count, 0), 7, 'the counts are of every request');
      assert.ok(later.backlog.length >= 52 && later.backlog.length <= 54, `${later.backlog.length} weeks`);
      assert.ok(later.backlog.every((p) => p.awaiting === 2 && p.submitted === 0 && p.decided === 0), 'P4 and P5 still await a decision');
      assert.equal(later.backlog[0]!.weekStart, '2027-01-17T23:00:00.000Z', 'the Monday of the week twelve months before (18 January 2027)');
      assert.equal(later.backlog.at(-1)!.at, '2028-01-18T09:00:00.000Z');
      assert.equal(later.durationsSince, '2027-01-01T00:00:00.000Z');
    });
  });
}

describe('percentiles from the histogram of durations', () => {
  /** The histogram the database would give: logarithmic buckets with their count, smallest and largest. */
  const histogramOf = (durations: number[]): Histogram => {
    const histogram: Histogram = new Map();
    for (const d of durations) addToHistogram(histogram, Math.floor(Math.log(Math.max(1, d)) * BUCKETS_PER_E), { count: 1, min: d, max: d });
    return histogram;
  };
  const exact = (durations: number[], p: number) => {
    const sorted = [...durations].sort((a, b) => a - b);
    const position = p * (sorted.length - 1);
    const low = Math.floor(position);
    return sorted[low]! + (position - low) * (sorted[Math.ceil(position)]! - sorted[low]!);
  };

  it('is exact when each value has its bucket, or when equal values share one (as percentile_cont)', () => {
    const days = [1, 2, 3, 10, 12].map((d) => d * 86_400);
    assert.equal(percentileOf(histogramOf(days), 0.5), 3 * 86_400);
    assert.equal(percentileOf(histogramOf(days), 0.8), exact(days, 0.8));
    const repeated = [5, 5, 5, 5, 60, 60].map((d) => d * 3600);
    assert.equal(percentileOf(histogramOf(repeated), 0.5), 5 * 3600);
    assert.equal(percentileOf(histogramOf(repeated), 0.8), 60 * 3600);
    assert.equal(percentileOf(new Map(), 0.5), undefined);
  });

  it('is within a bucket’s width (5 %) of the exact percentile otherwise', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let run = 0; run < 50; run++) {
      // Log-uniform from a minute to two months, as processing times spread.
      const durations = Array.from({ length: 200 + run * 40 }, () => Math.exp(Math.log(60) + random() * Math.log(86_400 * 60 / 60)));
      for (const p of [0.5, 0.8]) {
        const estimate = percentileOf(histogramOf(durations), p)!;
        const truth = exact(durations, p);
        assert.ok(Math.abs(estimate - truth) / truth < Math.expm1(1 / BUCKETS_PER_E), `run ${run}, p${p * 100}: ${estimate} for ${truth}`);
      }
    }
  });
});
