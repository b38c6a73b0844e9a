import type { Translate } from '../i18n/index.js';
import { statusBadge } from '../ui/badge.js';
import { h } from '../ui/dom.js';
import { missingValue } from '../ui/missing.js';
import { bulletSpecChart, type BulletSpec } from './bullet.js';

/** One key figure: its label, its value (with a unit after it when given) and a note under it. */
export interface Kpi {
  id: string;
  label: string;
  /** null: no figure ('—' on screen, `missing` or "no data reported" for a screen reader). */
  value: string | null;
  unit?: string;
  note: string;
  /** Why there is no figure, when it is not that none was reported (e.g. not applicable once the year is over). */
  missing?: string;
}

export interface ProgressPanelData {
  status: string | null;
  /** The period the status is for, under the badge ("截至2026年10月（已过 10 个月）", "2025年全年"). */
  asOf: string;
  kpis: readonly Kpi[];
  /** Drawn under the figures at the panel's width, when there is a target. */
  bullet: BulletSpec | null;
}

/** A key figure as a block: label, value (or the mark of a missing one), note. */
export function kpiBlock(kpi: Kpi, t: Translate): HTMLElement {
  const value =
    kpi.value === null
      ? missingValue(kpi.missing ?? t('noDataReported'))
      : kpi.unit === undefined
        ? kpi.value
        : h('span', {}, kpi.value, h('small', {}, ` ${kpi.unit}`));
  return h(
    'div',
    { class: 'kpi', 'data-kpi': kpi.id },
    h('p', { class: 'kpi-label' }, kpi.label),
    h('p', { class: 'kpi-value' }, value),
    kpi.note ? h('p', { class: 'kpi-note' }, kpi.note) : null,
  );
}

/** Progress towards a target at a glance: a large status badge, the key figures, and the share achieved as a bullet. */
export function progressPanel(data: ProgressPanelData, options: { width: number; t: Translate }): HTMLElement {
  const { bullet } = data;
  return h(
    'div',
    { class: 'progress-panel' },
    h(
      'div',
      { class: 'progress-status' },
      statusBadge(data.status, options.t, 'large', data.asOf),
      h('p', { class: 'kpi-note', 'aria-hidden': 'true' }, data.asOf),
    ),
    h(
      'div',
      { class: 'kpis' },
      data.kpis.map((kpi) => kpiBlock(kpi, options.t)),
    ),
    bullet ? bulletSpecChart(bullet, options.width) : null,
  );
}
