import type { Translate } from '../i18n/index.js';
import { statusBadge } from '../ui/badge.js';
import { h } from '../ui/dom.js';

/** One programme of an action: its name, its headline figure as text, the period of that figure, its status. */
export interface ActionProgram {
  code: string;
  name: string;
  value: string;
  period: string;
  status: string | null;
}

/** One action with the worst status among its programmes' targets. */
export interface ActionCard {
  code: string;
  name: string;
  status: string | null;
  programs: readonly ActionProgram[];
}

/** A grid of numbered action cards, each listing its programmes with their figures and statuses. */
export function actionCards(actions: readonly ActionCard[], options: { t: Translate; empty: string }): HTMLElement {
  const { t } = options;
  const program = (p: ActionProgram) =>
    h(
      'li',
      {},
      h('span', { class: 'program-name' }, p.name),
      h('span', { class: 'program-value' }, p.value),
      h('span', { class: 'program-period' }, p.period),
      p.status ? statusBadge(p.status, t) : null,
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
          statusBadge(action.status, t),
        ),
        action.programs.length
          ? h('ul', { class: 'action-programs' }, action.programs.map(program))
          : h('p', { class: 'muted' }, options.empty),
      ),
    ),
  );
}
