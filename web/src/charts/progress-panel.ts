import type { Translate } from '../i18n/index.js';
import { statusBadge } from '../ui/badge.js';
import { h } from '../ui/dom.js';
import { bulletSpecChart, type BulletSpec } from './bullet.js';

/** One key figure: its label, its value (with a unit after it when given) and a note under it. */
export interface Kpi {
  id: string;
  label: string;
  value: string;
  unit?: string;
  note: string;
}

export interface ProgressPanelData {
  status: string | null;
  /** The line under the status badge ("As of Oct 2026 (10 months elapsed)"). */
  asOf: string;
  kpis: readonly Kpi[];
  /** Drawn under the figures at the panel's width, when there is a target. */
  bullet: BulletSpec | null;
}

/** A key figure as a block: label, value, note. */
export function kpiBlock(kpi: Kpi): HTMLElement {
  const value = kpi.unit === undefined ? kpi.value : h('span', {}, kpi.value, h('small', {}, ` ${kpi.unit}`));
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
    h('div', { class: 'progress-status' }, statusBadge(data.status, options.t, 'large'), h('p', { class: 'kpi-note' }, data.asOf)),
    h('div', { class: 'kpis' }, data.kpis.map(kpiBlock)),
    bullet ? bulletSpecChart(bullet, options.width) : null,
  );
}
