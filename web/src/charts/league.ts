import type { Lang } from '../i18n/format.js';
import type { Translate } from '../i18n/index.js';
import { statusBadge } from '../ui/badge.js';
import { h } from '../ui/dom.js';
import { missingValue } from '../ui/missing.js';
import { tileMap, type Tile, type TileCategories } from './tile-map.js';

/** One row of the ranked table, every figure as printed (null: not reported). */
export interface LeagueTableRow {
  code: string;
  rank: string;
  name: string;
  /** A short name for a narrow card (云南 / Yunnan). */
  short: string;
  target: string | null;
  cumulative: string | null;
  pace: string | null;
  projected: string | null;
  /** The three volumes in short (50万 / 500K) for a narrow card. */
  compact: { target: string | null; cumulative: string | null; projected: string | null };
  status: string | null;
  behind: boolean;
}

/** The ranked table's column headings. */
export interface LeagueColumns {
  rank: string;
  name: string;
  target: string;
  cumulative: string;
  pace: string;
  projected: string;
  status: string;
}

export interface LeagueChartData {
  /** How many are behind, in words: the card's headline. */
  headline: string;
  behind: number;
  withTarget: number;
  tiles: readonly Tile[];
  color: TileCategories;
  columns: LeagueColumns;
  /** Shorter headings for a narrow card. */
  shortColumns: LeagueColumns;
  entries: readonly LeagueTableRow[];
}

export interface LeagueChartOptions {
  width: number;
  lang: Lang;
  t: Translate;
  /** The province chosen on the page (outlined on the map, marked in the table). */
  selected: string | null;
  onSelect: (code: string) => void;
  /** The table's accessible name. */
  tableLabel: string;
}

/** Map and table side by side from this width, one under the other below it. */
const SIDE_BY_SIDE = 880;
/** Below this width the table is made to fit a phone. */
const NARROW = 520;

/**
 * Regions against their own targets: a headline saying how many are behind, a tile map coloured by status (with
 * the status symbol on each tile) and the table ranked by pace, each status a badge with its symbol and word.
 */
export function leagueChart(data: LeagueChartData, options: LeagueChartOptions): HTMLElement {
  const { t } = options;
  const wide = options.width >= SIDE_BY_SIDE;
  // A phone: short names, volumes in short, statuses as their symbols (the word in the tooltip and spoken).
  const narrow = options.width < NARROW;
  const mapWidth = wide ? Math.floor(options.width * 0.44) - 8 : options.width;
  const map = tileMap(data.tiles, {
    width: mapWidth,
    lang: options.lang,
    color: data.color,
    selected: options.selected,
    onSelect: options.onSelect,
    outsideText: t('outsideMainland'),
    noValueText: t('statusNone'),
  });
  const cell = (text: string | null, numeric = true) =>
    h('td', { class: numeric ? 'num' : null }, text === null ? missingValue(t('noDataReported')) : text);
  const columns = narrow ? data.shortColumns : data.columns;
  const table = h(
    'div',
    { class: 'table-scroll league-table', tabindex: 0, role: 'region', 'aria-label': options.tableLabel },
    h(
      'table',
      { class: 'data-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', class: 'num' }, columns.rank),
          h('th', { scope: 'col' }, columns.name),
          h('th', { scope: 'col', class: 'num' }, columns.target),
          h('th', { scope: 'col', class: 'num' }, columns.cumulative),
          h('th', { scope: 'col', class: 'num' }, columns.pace),
          h('th', { scope: 'col', class: 'num' }, columns.projected),
          h('th', { scope: 'col' }, columns.status),
        ),
      ),
      h(
        'tbody',
        {},
        data.entries.map((e) =>
          h(
            'tr',
            {
              'data-code': e.code,
              'data-status': e.status ?? 'none',
              'data-behind': String(e.behind),
              class: e.code === options.selected ? 'is-selected' : null,
              'aria-current': e.code === options.selected ? 'true' : null,
            },
            h('td', { class: 'num' }, e.rank),
            h('th', { scope: 'row', title: e.name }, narrow ? e.short : e.name),
            cell(narrow ? e.compact.target : e.target),
            cell(narrow ? e.compact.cumulative : e.cumulative),
            cell(e.pace),
            cell(narrow ? e.compact.projected : e.projected),
            h('td', {}, statusBadge(e.status, t, narrow ? 'icon' : 'small')),
          ),
        ),
      ),
    ),
  );
  return h(
    'div',
    { class: 'league' },
    h('p', { class: 'league-headline', 'data-behind': String(data.behind), 'data-with-target': String(data.withTarget) }, data.headline),
    h('div', { class: `league-body${wide ? ' is-wide' : ''}` }, h('div', { class: 'league-map' }, map), table),
  );
}
