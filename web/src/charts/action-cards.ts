import type { Translate } from '../i18n/index.js';
import { statusBadge } from '../ui/badge.js';
import { h } from '../ui/dom.js';
import { missingValue } from '../ui/missing.js';

/** A programme's multi-year target: its period ('2021–2025年目标'), status and share achieved (or why there is none). */
export interface ActionTarget {
  label: string;
  status: string | null;
  /** The share achieved as printed (rounded down); null before the period starts. */
  share: string | null;
  /** Said instead of a status (e.g. not started). */
  note: string | null;
}

/** One programme of an action: its figure as text, the period of that figure, its status for that period. */
export interface ActionProgram {
  code: string;
  name: string;
  /** null: no figure reported ('—' and "no data reported", never 0). */
  value: string | null;
  period: string;
  /** The change on the same period of the previous year, in words (omitted or null: no comparison). */
  comparison?: string | null;
  /** The annual target's status for `period` (null: no annual target, no badge). */
  status: string | null;
  target?: ActionTarget | null;
}

/** One action with the worst status among its programmes' targets for the chosen year. */
export interface ActionCard {
  code: string;
  name: string;
  status: string | null;
  /** What the action's badge is for (e.g. "worst target status, through Oct 2026"). */
  period?: string;
  programs: readonly ActionProgram[];
}

/** A grid of numbered action cards, each listing its programmes with their figures, periods and statuses. */
export function actionCards(actions: readonly ActionCard[], options: { t: Translate; empty: string }): HTMLElement {
  const { t } = options;
  const target = (line: ActionTarget) =>
    h(
      'span',
      { class: 'program-target' },
      h('span', { class: 'program-target-label' }, line.label),
      line.status ? statusBadge(line.status, t, 'small', line.label) : null,
      line.share ? h('span', { class: 'program-target-share' }, line.share) : null,
      line.note ? h('span', { class: 'program-target-note' }, line.note) : null,
    );
  const program = (p: ActionProgram) =>
    h(
      'li',
      {},
      h('span', { class: 'program-name' }, p.name),
      h('span', { class: 'program-value' }, p.value ?? missingValue(t('noDataReported'))),
      h('span', { class: 'program-period' }, p.period),
      p.comparison ? h('span', { class: 'program-change' }, p.comparison) : null,
      p.status ? statusBadge(p.status, t, 'small', p.period) : null,
      p.target ? target(p.target) : null,
    );
  return h(
    'div',
    { class: 'actions-grid' },
    actions.map((action, index) =>
      h(
        'article',
        { class: 'action-card', 'data-action': action.code },
        h(
          'header',
          {},
          h('span', { class: 'action-seq', 'aria-hidden': 'true' }, String(index + 1)),
          h('h3', {}, action.name),
          statusBadge(action.status, t, 'small', action.period || undefined),
        ),
        action.programs.length
          ? h('ul', { class: 'action-programs' }, action.programs.map(program))
          : h('p', { class: 'muted' }, options.empty),
      ),
    ),
  );
}
