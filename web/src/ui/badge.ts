import { isStatus, statusStyles, type Status } from './theme.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { h } from './dom.js';

export const statusKeys: Record<Status, MessageKey> = {
  achieved: 'statusAchieved',
  on_track: 'statusOnTrack',
  acceleration_needed: 'statusAccelerationNeeded',
  limited_progress: 'statusLimitedProgress',
  falling_behind: 'statusFallingBehind',
  missed: 'statusMissed',
};

/** Worst first: the order in which an action's badge picks among its programmes' statuses (a period over and missed first). */
export const statusSeverity: Status[] = ['missed', 'falling_behind', 'limited_progress', 'acceleration_needed', 'on_track', 'achieved'];

export function statusText(status: unknown, t: Translate): string {
  return isStatus(status) ? t(statusKeys[status]) : t('statusNone');
}

/**
 * A status badge: a symbol, a word and a colour (never the colour alone). With `period`, the badge says which
 * period its status is for (a tooltip, and spoken after the word), e.g. '截至2026年10月' or '2025年全年'.
 */
export function statusBadge(status: unknown, t: Translate, size: 'small' | 'large' | 'icon' = 'small', period?: string): HTMLElement {
  const said = period ? h('span', { class: 'sr-only' }, ` (${period})`) : null;
  // An icon badge (a narrow table) shows the symbol; its word is in the tooltip and for screen readers.
  const title = period ? `${statusText(status, t)} · ${period}` : size === 'icon' ? statusText(status, t) : null;
  const word = (text: string) => (size === 'icon' ? h('span', { class: 'sr-only' }, text) : text);
  if (!isStatus(status))
    return h('span', { class: `badge badge-${size} badge-none`, 'data-status': 'none', title }, word(t('statusNone')), said);
  const style = statusStyles[status];
  return h(
    'span',
    { class: `badge badge-${size}`, 'data-status': status, style: `--badge:${style.color}`, title },
    h('span', { 'aria-hidden': 'true' }, style.symbol),
    word(` ${t(statusKeys[status])}`),
    said,
  );
}

/** A status as a symbol and a word ('▲ 需加快'), or the word for no target: for tooltips and table cells. */
export function statusLabel(status: unknown, t: Translate): string {
  return isStatus(status) ? `${statusStyles[status].symbol} ${t(statusKeys[status])}` : t('statusNone');
}

/** The worst of several statuses (null when none has a target). */
export function worstStatus(statuses: readonly unknown[]): Status | null {
  for (const status of statusSeverity) if (statuses.includes(status)) return status;
  return null;
}
