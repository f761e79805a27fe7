import assert from 'node:assert/strict';
import { durationFr, durationScale } from '../../../renderer/charts/durationFr.js';

const HOUR = 3600;
const DAY = 86_400;

describe('durations in French, for the statistics', () => {
  it('writes seconds, minutes, hours and days, one decimal under ten', () => {
    assert.equal(durationFr(40), '40 s');
    assert.equal(durationFr(25 * 60), '25 min');
    assert.equal(durationFr(3.5 * HOUR), '3,5 h');
    assert.equal(durationFr(3 * HOUR), '3 h');
    assert.equal(durationFr(14.4 * HOUR), '14 h');
    assert.equal(durationFr(1.5 * DAY), '1,5 j');
    assert.equal(durationFr(12.4 * DAY), '12 j');
  });

  it('draws the axis in the unit of the longest duration', () => {
    const days = durationScale(18 * DAY);
    assert.deepEqual(days.scale.ticks.map((t) => t / DAY), [0, 5, 10, 15, 20]);
    assert.deepEqual(days.scale.ticks.map(days.formatTick), ['0 j', '5 j', '10 j', '15 j', '20 j']);
    const hours = durationScale(7 * HOUR);
    assert.deepEqual(hours.scale.ticks.map(hours.formatTick), ['0 h', '2 h', '4 h', '6 h', '8 h']);
    assert.equal(durationScale(90).formatTick(60), '60 s');
  });
});
