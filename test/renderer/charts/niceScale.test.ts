import assert from 'node:assert/strict';
import { niceScale } from '../../../renderer/charts/niceScale.js';

describe('niceScale: an axis from 0 at round steps', () => {
  it('covers the value in about five round steps', () => {
    assert.deepEqual(niceScale(97), { max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    assert.deepEqual(niceScale(12), { max: 12.5, ticks: [0, 2.5, 5, 7.5, 10, 12.5] });
    assert.deepEqual(niceScale(0.37), { max: 0.4, ticks: [0, 0.1, 0.2, 0.3, 0.4] });
    assert.deepEqual(niceScale(1_234_567).ticks.at(-1), 1_250_000);
  });

  it('keeps counts whole', () => {
    assert.deepEqual(niceScale(12, { integer: true }), { max: 15, ticks: [0, 5, 10, 15] });
    assert.deepEqual(niceScale(3, { integer: true }), { max: 3, ticks: [0, 1, 2, 3] });
    assert.deepEqual(niceScale(0.37, { integer: true }), { max: 1, ticks: [0, 1] });
  });

  it('draws an empty axis from 0 to 1 when there is nothing', () => {
    assert.deepEqual(niceScale(0), { max: 1, ticks: [0, 1] });
  });
});
