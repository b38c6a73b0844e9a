// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { actionCards, type ActionCard } from '../../web/src/charts/action-cards.js';
import { translator } from '../../web/src/i18n/index.js';

const t = translator('en');
const actions: ActionCard[] = [
  {
    code: 'high_end',
    name: 'High-end talent',
    status: 'falling_behind',
    programs: [
      { code: 'knowledge_renewal', name: 'Knowledge renewal', value: '800,000 person-times', period: 'to Oct 2026', status: 'achieved' },
      { code: 'postdoc_recruits', name: 'Postdocs recruited', value: '–', period: '', status: null },
    ],
  },
  { code: 'vitality', name: 'Vitality', status: null, programs: [] },
];

describe('action cards', () => {
  const grid = actionCards(actions, { t, empty: 'No programme data' });
  const cards = [...grid.querySelectorAll('article.action-card')];

  it('numbers the actions in order, each with its name and worst status', () => {
    expect(grid.classList.contains('actions-grid')).toBe(true);
    expect(cards.map((c) => c.getAttribute('data-action'))).toEqual(['high_end', 'vitality']);
    expect(cards.map((c) => c.querySelector('.action-seq')?.textContent)).toEqual(['1', '2']);
    expect(cards.map((c) => c.querySelector('h3')?.textContent)).toEqual(['High-end talent', 'Vitality']);
    expect(cards.map((c) => c.querySelector('header .badge')?.getAttribute('data-status'))).toEqual(['falling_behind', 'none']);
  });
  it('lists the programmes with their figure, period and own status (none when they have no target)', () => {
    const items = [...cards[0].querySelectorAll('ul.action-programs li')];
    expect(items.map((li) => [...li.querySelectorAll('span[class^="program-"]')].map((s) => s.textContent))).toEqual([
      ['Knowledge renewal', '800,000 person-times', 'to Oct 2026'],
      ['Postdocs recruited', '–', ''],
    ]);
    expect(items.map((li) => li.querySelector('.badge')?.getAttribute('data-status') ?? null)).toEqual(['achieved', null]);
  });
  it('says so when an action has no programme data', () => {
    expect(cards[1].querySelector('ul')).toBeNull();
    expect(cards[1].querySelector('p.muted')?.textContent).toBe('No programme data');
  });
});
