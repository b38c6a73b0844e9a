import type { ChartTable } from '../charts/csv.js';
import type { Translate } from '../i18n/index.js';
import { h, replace } from './dom.js';
import { dataTable } from './table.js';

/** Rows shown in a card's table view (the CSV download has them all). */
const TABLE_LIMIT = 200;

export interface CardTable {
  /** The "show table" / "hide table" button. */
  toggle: HTMLButtonElement;
  /** The box the table opens in, under the chart (hidden until asked for). */
  box: HTMLElement;
  enable(enabled: boolean): void;
  /** Shows new data in the table when it is open. */
  refresh(): void;
}

/** The table view of a card's data: a toggle button and the box it opens, filled from `table()` when open. */
export function cardTable(t: Translate, table: () => ChartTable | null): CardTable {
  const box = h('div', { class: 'card-table', hidden: true });
  const fill = () => {
    const data = table();
    if (data) replace(box, dataTable(data, TABLE_LIMIT, t));
  };
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'card-action',
      'aria-expanded': 'false',
      disabled: true,
      onclick: () => {
        const open = box.hidden;
        box.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
        toggle.textContent = open ? t('hideTable') : t('showTable');
        if (open) fill();
      },
    },
    t('showTable'),
  );
  return {
    toggle,
    box,
    enable(enabled) {
      toggle.disabled = !enabled;
    },
    refresh() {
      if (!box.hidden) fill();
    },
  };
}
