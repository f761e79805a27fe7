import assert from 'node:assert/strict';
import { closestInOrder } from '../../../renderer/diagram/placeLayers.js';
import { rankNodes } from '../../../renderer/diagram/rankNodes.js';
import { orderLayers } from '../../../renderer/diagram/orderLayers.js';

describe('the layered layout', () => {
  it('ranks by the longest path from the root, turning around the edges that close a cycle', () => {
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'c', to: 'a' },
    ];
    const { ranks, reversed } = rankNodes(['a', 'b', 'c', 'alone'], edges, 'a');
    assert.deepEqual([...ranks], [['a', 0], ['b', 1], ['c', 2], ['alone', 2]]);
    assert.deepEqual([...reversed].sort(), [2, 4]);
  });

  it('orders layers to remove crossings', () => {
    const layers = [['a', 'b'], ['y', 'x']];
    const ordered = orderLayers(layers, [{ upper: 'a', lower: 'x' }, { upper: 'b', lower: 'y' }]);
    assert.deepEqual(ordered, [['a', 'b'], ['x', 'y']]);
  });

  it('places a layer as near the wanted positions as order and spacing allow', () => {
    assert.deepEqual(closestInOrder([0, 50, 100], [10, 10]), [0, 50, 100]);
    assert.deepEqual(closestInOrder([10, 10], [20]), [0, 20]);
    const placed = closestInOrder([30, 0, 15], [10, 10]);
    placed.slice(1).forEach((x, i) => assert.ok(x - placed[i]! >= 10 - 1e-9));
  });
});
