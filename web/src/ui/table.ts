import type { ChartTable } from '../charts/csv.js';
import type { Cell } from '../decode.js';
import type { Translate } from '../i18n/index.js';
import { formatExact } from '../i18n/format.js';
import { h } from './dom.js';

/** Years, periods and codes are written as they are: never '2,026'. */
const plainColumn = /(^|_)(year|period|code|rank|seq)($|_)/;

function cellText(cell: Cell | undefined, key: string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return plainColumn.test(key) ? String(cell) : formatExact(cell, Number.isInteger(cell) ? 0 : 4);
  return String(cell);
}

/** A plain, scrollable HTML table of the first `limit` rows (numbers right-aligned and grouped). */
export function dataTable(table: ChartTable, limit: number, t: Translate): HTMLElement {
  const rows = table.rows.slice(0, limit);
  const numeric = new Set(table.columns.filter((c) => rows.some((r) => typeof r[c.key] === 'number')).map((c) => c.key));
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('dataTable') },
    h(
      'table',
      { class: 'data-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          table.columns.map((c) => h('th', { scope: 'col', class: numeric.has(c.key) ? 'num' : null }, c.label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {},
            table.columns.map((c) => h('td', { class: numeric.has(c.key) ? 'num' : null }, cellText(row[c.key], c.key))),
          ),
        ),
      ),
    ),
    table.rows.length > limit ? h('p', { class: 'table-note' }, t('tableTruncated', { shown: limit, total: table.rows.length })) : null,
  );
}
