// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { comparisonPanels, type ComparisonPanel } from '../../web/src/charts/comparison-panels.js';
import { indexProfileChart, type ProfileItem } from '../../web/src/charts/index-profile.js';
import { panelColumns, panelWidth, smallMultiples } from '../../web/src/charts/small-multiples.js';
import { trendPanels } from '../../web/src/charts/trend-panels.js';
import { baselineDash, categorical, context, highlight, ink, reference, referenceDash } from '../../web/src/ui/theme.js';

const marks = (root: Element, label: string) => [...root.querySelectorAll(`g[aria-label="${label}"]`)];
const legendLabels = (root: Element) => [...root.querySelectorAll('svg.legend text')].map((t) => t.textContent);
const near = (text: string | null, value: number) => expect(Number(text)).toBeCloseTo(value, 3);

describe('small multiples', () => {
  it('put three panels side by side on a wide card, two on a medium one, one on a phone', () => {
    expect([1000, 901, 900, 561, 560, 390].map(panelColumns)).toEqual([3, 3, 2, 2, 1, 1]);
    expect([panelWidth(1000, 3), panelWidth(700, 2), panelWidth(390, 1)]).toEqual([322, 342, 390]);
    const element = smallMultiples(
      ['a', 'b'].map((title) => ({
        title,
        draw: (width: number) => Object.assign(document.createElement('p'), { textContent: `${width}` }),
      })),
      700,
    );
    expect(element.getAttribute('style')).toBe('grid-template-columns: repeat(2, 1fr)');
    expect(
      [...element.querySelectorAll('.panel')].map((p) => [
        p.querySelector('h3.panel-title')!.textContent,
        p.querySelector('p')!.textContent,
      ]),
    ).toEqual([
      ['a', '342'],
      ['b', '342'],
    ]);
  });
});

describe('the index profile (nation = 100)', () => {
  const items: ProfileItem[] = [
    { label: 'Training', heading: 'Training  rank 3 of 31', note: '300 person-times', value: 120, median: 80, tip: 't1' },
    { label: 'Medals', heading: 'Medals  rank – of 31', note: '–', value: null, median: null, tip: 't2' },
  ];
  const element = indexProfileChart(items, {
    width: 400,
    legend: { subject: 'This province', median: 'Median (East)', baseline: 'Nation = 100' },
  });
  const chart = element.querySelectorAll('svg')[1];
  // x runs from 0 to max(150, 120, 80) × 1.08 = 162 over 10…390 px: x(v) = 10 + v / 162 × 380.
  const x = (v: number) => 10 + (v / 162) * 380;

  it('has its legend: the province, the median, the dashed baseline', () => {
    expect(legendLabels(element)).toEqual(['This province', 'Median (East)', 'Nation = 100']);
    const baseline = element.querySelectorAll('svg.legend line')[1];
    expect([baseline.getAttribute('stroke'), baseline.getAttribute('stroke-dasharray')]).toEqual([ink, baselineDash]);
  });

  it('gives each indicator a row of 76 px with its heading above and its value below', () => {
    expect(chart.getAttribute('height')).toBe(String(2 * 76 + 30));
    const texts = marks(chart, 'text').map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent));
    expect(texts).toEqual([
      ['Training  rank 3 of 31', 'Medals  rank – of 31'],
      ['300 person-times', '–'],
    ]);
  });

  it('draws the baseline at 100 in every row, the bar to the index, the dot and the median ring only with a value', () => {
    const [baseline, bars] = marks(chart, 'rule');
    const lines = [...baseline.querySelectorAll('line')];
    expect(lines).toHaveLength(2);
    near(lines[0].getAttribute('x1'), x(100));
    expect(baseline.querySelector('g')!.getAttribute('stroke-dasharray')).toBe(baselineDash);
    expect(bars.querySelector('g')!.getAttribute('stroke')).toBe(context);
    near(bars.querySelector('line')!.getAttribute('x2'), x(120));
    const [ring, dot] = marks(chart, 'dot');
    expect(ring.querySelectorAll('circle')).toHaveLength(1);
    expect(ring.querySelector('g')!.getAttribute('stroke')).toBe(categorical[1]);
    near(ring.querySelector('circle')!.getAttribute('cx'), x(80));
    expect(dot.querySelectorAll('circle')).toHaveLength(1);
    expect(dot.querySelector('g')!.getAttribute('fill')).toBe(highlight);
    near(dot.querySelector('circle')!.getAttribute('cx'), x(120));
  });

  it('widens its scale for an index above 150', () => {
    const wide = indexProfileChart([{ ...items[0], value: 200 }], { width: 400, legend: { subject: 's', median: 'm', baseline: 'b' } });
    // max = 200 × 1.08 = 216.
    near(marks(wide.querySelectorAll('svg')[1], 'rule')[0].querySelector('line')!.getAttribute('x1'), 10 + (100 / 216) * 380);
  });
});

describe('the comparison panels', () => {
  const panels: ComparisonPanel[] = [
    {
      title: 'Training',
      unit: 'person-times',
      reference: 2,
      tick: String,
      bars: [
        { label: 'Guangdong', value: 3, text: '3  #1', tip: 'a' },
        { label: 'Beijing', value: null, text: '–', tip: 'b' },
      ],
    },
    { title: 'Medals', unit: 'medals', reference: null, tick: String, bars: [{ label: 'Beijing', value: 1, text: '1  #2', tip: 'c' }] },
  ];
  const element = comparisonPanels(panels, { width: 700, lang: 'en', order: ['Guangdong', 'Beijing'], reference: 'National' });
  const [first, second] = [...element.querySelectorAll('.panel')];

  it('has a legend entry per province in its colour, then the dashed reference', () => {
    expect(legendLabels(element)).toEqual(['Guangdong', 'Beijing', 'National']);
    expect([...element.querySelectorAll('svg.legend rect')].map((r) => r.getAttribute('fill'))).toEqual([categorical[0], categorical[1]]);
    const line = element.querySelector('svg.legend line')!;
    expect([line.getAttribute('stroke'), line.getAttribute('stroke-dasharray')]).toEqual([ink, referenceDash]);
  });

  it('draws a titled panel per measure, every province on its row, in its colour', () => {
    expect(element.querySelector('.small-multiples')!.getAttribute('style')).toBe('grid-template-columns: repeat(2, 1fr)');
    expect([first, second].map((p) => p.querySelector('h3')!.textContent)).toEqual(['Training', 'Medals']);
    expect([...first.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent)).toEqual([
      'Guangdong',
      'Beijing',
    ]);
    // 342 px panels; left margin max(48, 9 × 7.5) + 8 = 75.5 px; right 64 px; x from 0 to 3 (nice).
    const svg = first.querySelector('svg')!;
    expect(svg.getAttribute('width')).toBe('342');
    const bar = marks(svg, 'bar')[0].querySelector('rect')!;
    near(bar.getAttribute('x'), 75.5);
    near(bar.getAttribute('width'), 342 - 64 - 75.5);
    expect(bar.getAttribute('fill')).toBe(categorical[0]);
    expect(marks(second.querySelector('svg')!, 'bar')[0].querySelector('rect')!.getAttribute('fill')).toBe(categorical[1]);
  });

  it('writes the value and rank after each bar, and draws the reference only where there is one', () => {
    expect(marks(first, 'text')[0].textContent).toBe('3  #1');
    const rule = marks(first, 'rule');
    expect(rule).toHaveLength(1);
    // x(2) = 75.5 + 2 / 3 × (342 − 64 − 75.5)
    near(rule[0].querySelector('line')!.getAttribute('x1'), 75.5 + (2 / 3) * (342 - 64 - 75.5));
    expect(marks(second, 'rule')).toHaveLength(0);
    expect(second.querySelector('g[aria-label="x-axis label"]')!.textContent).toBe('medals');
  });
});

describe('the trend panels', () => {
  const element = trendPanels(
    [
      {
        title: 'Vocational training',
        yLabel: 'person-times per 10k',
        points: [
          { x: 2024, y: 1, series: 'subject' },
          { x: 2025, y: 2, series: 'subject' },
          { x: 2024, y: 3, series: 'reference' },
          { x: 2025, y: null, series: 'reference' },
        ],
      },
    ],
    { width: 400, lang: 'en', subject: 'Guangdong', reference: 'National', format: String },
  );

  it('draws the province highlighted and the nation dashed grey, named in each panel’s legend', () => {
    expect(element.querySelector('h3.panel-title')!.textContent).toBe('Vocational training');
    expect(legendLabels(element)).toEqual(['Guangdong', 'National']);
    const [own, nation] = marks(element, 'line');
    expect([own.getAttribute('stroke'), own.getAttribute('stroke-width')]).toEqual([highlight, '2.5']);
    expect([nation.getAttribute('stroke'), nation.getAttribute('stroke-dasharray')]).toEqual([reference, referenceDash]);
    // Two years for the province; the nation's missing 2025 leaves a single point, no segment.
    expect(own.querySelector('path')!.getAttribute('d')!.split('L')).toHaveLength(2);
    expect(element.querySelector('svg:not(.legend)')!.getAttribute('height')).toBe('200');
    expect(element.querySelector('g[aria-label="y-axis label"]')!.textContent).toBe('person-times per 10k');
  });
});
