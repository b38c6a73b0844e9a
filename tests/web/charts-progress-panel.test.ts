// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { progressPanel, type ProgressPanelData } from '../../web/src/charts/progress-panel.js';
import { translator } from '../../web/src/i18n/index.js';
import { shapes } from './chart-dom.js';

const t = translator('en');
const data: ProgressPanelData = {
  status: 'on_track',
  asOf: 'Through Oct 2026 (10 months elapsed)',
  kpis: [
    { id: 'cumulative', label: 'Cumulative actual', value: '800,000', unit: 'person-times', note: 'target 1,000,000, 80.0% achieved' },
    { id: 'pace', label: 'Pace', value: '106%', note: 'cumulative ÷ seasonal expectation (750,000)' },
    { id: 'required', label: 'Monthly rate still needed', value: null, missing: 'not applicable: the year is complete', note: '' },
    { id: 'projected', label: 'Projected year end', value: null, note: '' },
  ],
  bullet: {
    rows: [{ label: 'Year to date', achieved: 0.8, expected: 0.75, color: '#3d8ac4', note: '', detail: '' }],
    labels: { achieved: 'Share achieved', expected: 'Expected by now', target: 'Target' },
    axis: 'Share of target',
    achievedColor: '#3d8ac4',
  },
};

describe('progress panel', () => {
  const panel = progressPanel(data, { width: 400, t });

  it('leads with a large status badge that says the period it is for, and the period under it', () => {
    const badge = panel.querySelector('.progress-status .badge')!;
    expect(badge.getAttribute('data-status')).toBe('on_track');
    expect(badge.classList.contains('badge-large')).toBe(true);
    expect(badge.getAttribute('title')).toBe('On track · Through Oct 2026 (10 months elapsed)');
    expect(badge.querySelector('.sr-only')?.textContent).toBe(' (Through Oct 2026 (10 months elapsed))');
    expect(badge.textContent).toBe('● On track (Through Oct 2026 (10 months elapsed))');
    expect(panel.querySelector('.progress-status .kpi-note')?.textContent).toBe('Through Oct 2026 (10 months elapsed)');
  });
  it('shows each key figure with its label, value, unit and note', () => {
    const kpis = [...panel.querySelectorAll('.kpis .kpi')];
    expect(kpis.map((k) => k.getAttribute('data-kpi'))).toEqual(['cumulative', 'pace', 'required', 'projected']);
    expect(kpis.slice(0, 2).map((k) => k.querySelector('.kpi-value')?.textContent)).toEqual(['800,000 person-times', '106%']);
    expect(kpis[0].querySelector('.kpi-value small')?.textContent).toBe(' person-times');
    expect(kpis[1].querySelector('small')).toBeNull();
    expect(kpis[1].querySelector('.kpi-note')?.textContent).toBe('cumulative ÷ seasonal expectation (750,000)');
  });
  it('shows a figure it does not have as a dash, with its reason (else "no data reported") for screen readers, never 0', () => {
    const kpis = [...panel.querySelectorAll('.kpis .kpi')];
    const missing = kpis.slice(2).map((k) => k.querySelector('.kpi-value .missing')!);
    expect(missing.map((m) => m.querySelector('[aria-hidden="true"]')?.textContent)).toEqual(['—', '—']);
    expect(missing.map((m) => m.querySelector('.sr-only')?.textContent)).toEqual([
      'not applicable: the year is complete',
      'no data reported',
    ]);
    expect(missing[1].getAttribute('title')).toBe('no data reported');
  });
  it('draws the bullet at the panel width, and none without a target', () => {
    expect(shapes(panel, 'rect', 'rect')).toHaveLength(1);
    expect(panel.querySelector('svg:not(.legend)')?.getAttribute('width')).toBe('400');
    const open = progressPanel({ ...data, status: null, bullet: null }, { width: 400, t });
    expect(open.querySelector('svg')).toBeNull();
    expect(open.querySelector('.badge')?.getAttribute('data-status')).toBe('none');
  });
});
