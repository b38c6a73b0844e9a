// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { actionCards, type ActionCard } from '../../web/src/charts/action-cards.js';
import { translator } from '../../web/src/i18n/index.js';

const t = translator('en');
const actions: ActionCard[] = [
  {
    code: 'high_end',
    name: 'High-end talent',
    status: 'missed',
    period: 'worst target status, 2025 (full year)',
    programs: [
      {
        code: 'knowledge_renewal',
        name: 'Knowledge renewal',
        value: '800,000 person-times',
        period: '2025 (full year)',
        comparison: 'Change on previous year +2.5%',
        status: 'achieved',
        target: null,
      },
      {
        code: 'postdoc_recruits',
        name: 'Postdocs recruited',
        value: null,
        period: '2025',
        status: null,
        target: { label: '2021–2025 target', status: 'missed', share: '93.1%', note: null },
      },
      {
        code: 'stations',
        name: 'Stations',
        value: '12 stations',
        period: '2025',
        status: null,
        target: { label: '2026–2030 target', status: null, share: null, note: 'not started' },
      },
    ],
  },
  { code: 'vitality', name: 'Vitality', status: null, programs: [] },
];

describe('action cards', () => {
  const grid = actionCards(actions, { t, empty: 'No programme data' });
  const cards = [...grid.querySelectorAll('article.action-card')];

  it('numbers the actions in order, each with its name and worst status, saying which period that status is for', () => {
    expect(grid.classList.contains('actions-grid')).toBe(true);
    expect(cards.map((c) => c.getAttribute('data-action'))).toEqual(['high_end', 'vitality']);
    expect(cards.map((c) => c.querySelector('.action-seq')?.textContent)).toEqual(['1', '2']);
    expect(cards.map((c) => c.querySelector('h3')?.textContent)).toEqual(['High-end talent', 'Vitality']);
    const badges = cards.map((c) => c.querySelector('header .badge')!);
    expect(badges.map((b) => b.getAttribute('data-status'))).toEqual(['missed', 'none']);
    expect(badges[0].textContent).toBe('■ Missed (worst target status, 2025 (full year))');
    expect(badges[0].getAttribute('title')).toBe('Missed · worst target status, 2025 (full year)');
    expect(badges[1].getAttribute('title')).toBeNull();
  });
  it('lists the programmes with their figure, the period of it and the status for that period', () => {
    const items = [...cards[0].querySelectorAll('ul.action-programs li')];
    expect(items.map((li) => [...li.querySelectorAll(':scope > span[class^="program-"]')].map((s) => s.className))).toEqual([
      ['program-name', 'program-value', 'program-period', 'program-change'],
      ['program-name', 'program-value', 'program-period', 'program-target'],
      ['program-name', 'program-value', 'program-period', 'program-target'],
    ]);
    expect(items.map((li) => li.querySelector('.program-period')?.textContent)).toEqual(['2025 (full year)', '2025', '2025']);
    // The change on the previous year's same period on a line of its own; none where there is no comparison.
    expect(items.map((li) => li.querySelector('.program-change')?.textContent ?? null)).toEqual([
      'Change on previous year +2.5%',
      null,
      null,
    ]);
    const annual = items[0].querySelector(':scope > .badge')!;
    expect(annual.getAttribute('data-status')).toBe('achieved');
    expect(annual.getAttribute('title')).toBe('Achieved · 2025 (full year)');
    expect(items[1].querySelector(':scope > .badge')).toBeNull();
  });
  it('shows a figure not reported as a dash with "no data reported", never as 0', () => {
    const value = cards[0].querySelectorAll('.program-value')[1];
    expect(value.querySelector('[aria-hidden="true"]')?.textContent).toBe('—');
    expect(value.querySelector('.sr-only')?.textContent).toBe('no data reported');
    expect(value.textContent).not.toContain('0');
  });
  it('gives a multi-year target its own line: its period, its status for that period and its share, or why there is none', () => {
    const [, missed, later] = [...cards[0].querySelectorAll('ul.action-programs li')].map((li) => li.querySelector('.program-target'));
    expect(missed?.querySelector('.program-target-label')?.textContent).toBe('2021–2025 target');
    expect(missed?.querySelector('.badge')?.getAttribute('data-status')).toBe('missed');
    expect(missed?.querySelector('.badge')?.getAttribute('title')).toBe('Missed · 2021–2025 target');
    expect(missed?.querySelector('.program-target-share')?.textContent).toBe('93.1%');
    expect(later?.querySelector('.badge')).toBeNull();
    expect(later?.querySelector('.program-target-note')?.textContent).toBe('not started');
  });
  it('says so when an action has no programme data', () => {
    expect(cards[1].querySelector('ul')).toBeNull();
    expect(cards[1].querySelector('p.muted')?.textContent).toBe('No programme data');
  });
});
