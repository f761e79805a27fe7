import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import { AreaChart } from '../../../renderer/charts/AreaChart.js';
import { BarChart } from '../../../renderer/charts/BarChart.js';
import { niceScale } from '../../../renderer/charts/niceScale.js';

const count = (value: number) => value.toLocaleString('fr-FR');

describe('the charts: inline SVG drawn on the server', () => {
  it('draws a bar per value, as long as its share of the axis, with its text and an accessible name', () => {
    const html = renderToStaticMarkup(
      <BarChart
        id="essai"
        title="Demandes par état"
        description="Deux états."
        series={[{ name: 'Demandes', color: 'red' }]}
        groups={[
          { label: 'Validée', values: [1500] },
          { label: 'Refusée', values: [500] },
        ]}
        scale={niceScale(1500, { integer: true })}
        formatTick={count}
        formatValue={count}
      />,
    );
    assert.ok(html.includes('role="img"') && html.includes('aria-labelledby="essai-titre essai-description"'));
    assert.ok(html.includes('<title id="essai-titre">Demandes par état</title>') && html.includes('<desc id="essai-description">Deux états.</desc>'));
    const widths = [...html.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.equal(widths.length, 2);
    assert.ok(Math.abs(widths[0]! / widths[1]! - 3) < 1e-9, `1500 is three times 500: ${widths}`);
    for (const text of ['Validée', 'Refusée', '1\u202f500', '500', '0', '1\u202f000']) assert.ok(html.includes(`>${text}<`), text);
    assert.ok(!html.includes('Demandes</text>'), 'one series: no legend');
  });

  it('groups bars with a legend, and writes « – » where a value is missing', () => {
    const html = renderToStaticMarkup(
      <BarChart
        id="delais"
        title="Délais"
        description="Deux séries."
        series={[
          { name: 'Médiane', color: 'blue' },
          { name: '80ᵉ centile', color: 'green' },
        ]}
        groups={[
          { label: 'Soumission', values: [2, 5] },
          { label: 'Décision', values: [undefined, undefined] },
        ]}
        scale={niceScale(5)}
        formatTick={String}
        formatValue={(v) => `${v} j`}
      />,
    );
    assert.ok(html.includes('>Médiane</text>') && html.includes('>80ᵉ centile</text>'), 'the legend');
    assert.equal((html.match(/<rect x="[\d.]+" y="[\d.]+" width/g) ?? []).length, 2, 'two bars, none for the missing values');
    assert.equal((html.match(/>–</g) ?? []).length, 2);
  });

  it('draws the backlog as a line over an area, from the axis at 0, the last value written', () => {
    const html = renderToStaticMarkup(
      <AreaChart id="attente" title="En attente" description="Trois semaines." values={[0, 10, 5]} scale={niceScale(10, { integer: true })} xTicks={[{ index: 1, label: 'déc.', sublabel: '2026' }]} formatTick={count} formatValue={count} />,
    );
    const paths = [...html.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(paths.length, 2);
    const points = (d: string) => [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const line = points(paths[1]!);
    assert.equal(line.length, 3);
    assert.equal(line[0]![1], points(paths[0]!).at(-1)![1], 'the first point, at 0, is on the axis the area closes on');
    assert.ok(line[1]![1]! < line[2]![1]! && line[2]![1]! < line[0]![1]!, '10 is higher than 5, which is higher than 0');
    assert.ok(html.includes('>déc.<tspan') && html.includes('>2026</tspan>'));
    assert.ok(html.includes('font-weight="700">5</text>'), 'the last value');
  });
});
