// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { leagueChart, type LeagueChartData, type LeagueTableRow } from '../../web/src/charts/league.js';
import { translator } from '../../web/src/i18n/index.js';
import { statusBadge, statusLabel } from '../../web/src/ui/badge.js';
import { statusStyles } from '../../web/src/ui/theme.js';
import { stubCanvas } from './canvas-stub.js';

stubCanvas();
const t = translator('en');

const entry = (code: string, name: string, status: string | null, over: Partial<LeagueTableRow> = {}): LeagueTableRow => ({
  code,
  rank: status ? '1' : '',
  name,
  short: name.slice(0, 3),
  target: '22,386',
  cumulative: '17,142',
  pace: '94%',
  projected: '21,157',
  compact: { target: '22.4K', cumulative: '17.1K', projected: '21.2K' },
  status,
  behind: status === 'acceleration_needed',
  ...over,
});
const columns = {
  rank: 'Rank',
  name: 'Province',
  target: 'Target',
  cumulative: 'Cumulative actual',
  pace: 'Pace',
  projected: 'Projected year end',
  status: 'Status',
};
const data: LeagueChartData = {
  headline: '1 of 2 provinces are behind their own targets',
  behind: 1,
  withTarget: 2,
  tiles: [
    { code: '110000', short: 'BJ', name: 'Beijing', row: 1, col: 1, outside: false },
    { code: '440000', short: 'GD', name: 'Guangdong', row: 2, col: 1, outside: false },
    { code: '310000', short: 'SH', name: 'Shanghai', row: 1, col: 2, outside: false },
  ],
  color: {
    kind: 'category',
    tiles: new Map([
      ['110000', { color: statusStyles.acceleration_needed.color, mark: '▲', text: '▲ Acceleration needed; Pace 94%' }],
      ['440000', { color: statusStyles.on_track.color, mark: '●', text: '● On track; Pace 96%' }],
    ]),
    legend: [{ label: '▲ Acceleration needed (1)', color: statusStyles.acceleration_needed.color }],
  },
  columns,
  shortColumns: { ...columns, rank: '#', cumulative: 'To date', projected: 'Year end' },
  entries: [
    entry('440000', 'Guangdong', 'on_track', { pace: '96%' }),
    entry('110000', 'Beijing', 'acceleration_needed', { rank: '2' }),
    entry('310000', 'Shanghai', null, { target: null, cumulative: null, pace: null, projected: null }),
  ],
};

function draw(width: number) {
  const selected: string[] = [];
  const element = leagueChart(data, {
    width,
    lang: 'en',
    t,
    selected: '110000',
    onSelect: (c) => selected.push(c),
    tableLabel: 'Provinces ranked',
  });
  return { element, selected };
}

describe('the league of provinces against their own targets', () => {
  it('leads with the count behind, then the map coloured by status beside the ranked table on a wide card', () => {
    const { element } = draw(1200);
    const headline = element.querySelector('.league-headline')!;
    expect(headline.textContent).toBe('1 of 2 provinces are behind their own targets');
    expect([headline.getAttribute('data-behind'), headline.getAttribute('data-with-target')]).toEqual(['1', '2']);
    expect(element.querySelector('.league-body')?.classList.contains('is-wide')).toBe(true);
    expect(element.querySelector('.league-map g.tile[data-code="110000"] rect')?.getAttribute('fill')).toBe(
      statusStyles.acceleration_needed.color,
    );
    expect(element.querySelector('.league-map svg.legend text')?.textContent).toBe('▲ Acceleration needed (1)');
  });
  it('ranks the provinces in a table: rank, province, target, cumulative, pace, projection and a status badge', () => {
    const { element } = draw(1200);
    const table = element.querySelector('.league-table')!;
    expect(table.getAttribute('role')).toBe('region');
    expect(table.getAttribute('aria-label')).toBe('Provinces ranked');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(Object.values(columns));
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => [r.getAttribute('data-code'), r.getAttribute('data-status'), r.getAttribute('data-behind')])).toEqual([
      ['440000', 'on_track', 'false'],
      ['110000', 'acceleration_needed', 'true'],
      ['310000', 'none', 'false'],
    ]);
    expect([...rows[1].children].map((c) => c.textContent)).toEqual([
      '2',
      'Beijing',
      '22,386',
      '17,142',
      '94%',
      '21,157',
      '▲ Acceleration needed',
    ]);
    expect(rows[1].getAttribute('aria-current')).toBe('true');
    // Nothing reported: a dash and "no data reported", never 0.
    expect(rows[2].querySelectorAll('td .missing')).toHaveLength(4);
    expect(rows[2].querySelector('td .missing .sr-only')?.textContent).toBe('no data reported');
    expect(rows[2].querySelector('.badge')?.getAttribute('data-status')).toBe('none');
  });
  it('fits a phone: map over table, short names and headings, volumes in short, statuses as symbols with their words spoken', () => {
    const { element } = draw(360);
    expect(element.querySelector('.league-body')?.classList.contains('is-wide')).toBe(false);
    expect([...element.querySelectorAll('.league-table thead th')].map((th) => th.textContent)).toEqual([
      '#',
      'Province',
      'Target',
      'To date',
      'Pace',
      'Year end',
      'Status',
    ]);
    const row = element.querySelector('.league-table tbody tr[data-code="110000"]')!;
    expect([...row.children].slice(1, 6).map((c) => c.textContent)).toEqual(['Bei', '22.4K', '17.1K', '94%', '21.2K']);
    expect(row.querySelector('th')?.getAttribute('title')).toBe('Beijing');
    const badge = row.querySelector('.badge')!;
    expect(badge.classList.contains('badge-icon')).toBe(true);
    expect(badge.querySelector('[aria-hidden="true"]')?.textContent).toBe('▲');
    expect(badge.querySelector('.sr-only')?.textContent).toBe(' Acceleration needed');
    expect(badge.getAttribute('title')).toBe('Acceleration needed');
  });
  it('selects a province from its tile', () => {
    const { element, selected } = draw(1200);
    element.querySelector('g.tile[data-code="440000"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(selected).toEqual(['440000']);
  });
});

describe('status badges and labels', () => {
  it("give 'missed' its own colour, symbol and word", () => {
    expect(statusStyles.missed.symbol).toBe('■');
    const colours = Object.values(statusStyles).map((s) => s.color);
    const symbols = Object.values(statusStyles).map((s) => s.symbol);
    expect(new Set(colours).size).toBe(colours.length);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(statusLabel('missed', t)).toBe('■ Missed');
    expect(statusLabel('missed', translator('zh'))).toBe('■ 未完成');
    expect(statusLabel(null, t)).toBe('No target');
    const badge = statusBadge('missed', t);
    expect([badge.getAttribute('data-status'), badge.textContent]).toEqual(['missed', '■ Missed']);
  });
});
