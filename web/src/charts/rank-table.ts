import { h } from '../ui/dom.js';

/** One line of a ranked table: its cells as text; a reference line (e.g. the province, the nation) is not ranked. */
export interface RankRow {
  /** The code a click selects (null: a reference line, not selectable). */
  code: string | null;
  cells: readonly string[];
  reference?: boolean;
}

export interface RankTableOptions {
  columns: readonly { label: string; numeric?: boolean }[];
  /** The column whose cell is the row's name (a button when the row is selectable). */
  nameColumn: number;
  selected?: string | null;
  onSelect?: (code: string) => void;
  caption?: string;
}

/**
 * A ranked HTML table beside a chart: each selectable row's name is a button (keyboard and screen readers reach it
 * as they would a link), reference lines last in italics.
 */
export function rankTable(rows: readonly RankRow[], options: RankTableOptions): HTMLElement {
  const { onSelect } = options;
  return h(
    'div',
    // Scrolls sideways on narrow screens: focusable, so that a keyboard can scroll it, and named.
    { class: 'chart table-scroll rank-table', tabindex: 0, role: 'region', 'aria-label': options.caption ?? null },
    h(
      'table',
      { class: 'data-table' },
      options.caption ? h('caption', { class: 'sr-only' }, options.caption) : null,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          options.columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {
              class:
                [row.reference ? 'is-reference' : '', row.code && row.code === options.selected ? 'is-selected' : ''].join(' ').trim() ||
                null,
              'data-code': row.code,
              'aria-current': row.code && row.code === options.selected ? 'true' : null,
            },
            row.cells.map((cell, i) => {
              const numeric = options.columns[i]?.numeric;
              const content =
                i === options.nameColumn && row.code && onSelect
                  ? h('button', { type: 'button', class: 'link', 'data-code': row.code, onclick: () => onSelect(row.code!) }, cell)
                  : cell;
              return i === options.nameColumn ? h('th', { scope: 'row' }, content) : h('td', { class: numeric ? 'num' : null }, content);
            }),
          ),
        ),
      ),
    ),
  );
}
