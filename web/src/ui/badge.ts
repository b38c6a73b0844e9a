import { isStatus, statusStyles, type Status } from './theme.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { h } from './dom.js';

export const statusKeys: Record<Status, MessageKey> = {
  achieved: 'statusAchieved',
  on_track: 'statusOnTrack',
  acceleration_needed: 'statusAccelerationNeeded',
  limited_progress: 'statusLimitedProgress',
  falling_behind: 'statusFallingBehind',
};

/** Worst first: the order in which an action's badge picks among its programmes' statuses. */
export const statusSeverity: Status[] = ['falling_behind', 'limited_progress', 'acceleration_needed', 'on_track', 'achieved'];

export function statusText(status: unknown, t: Translate): string {
  return isStatus(status) ? t(statusKeys[status]) : t('statusNone');
}

/** A status badge: a symbol, a word and a colour (never the colour alone). */
export function statusBadge(status: unknown, t: Translate, size: 'small' | 'large' = 'small'): HTMLElement {
  if (!isStatus(status)) return h('span', { class: `badge badge-${size} badge-none`, 'data-status': 'none' }, t('statusNone'));
  const style = statusStyles[status];
  return h(
    'span',
    { class: `badge badge-${size}`, 'data-status': status, style: `--badge:${style.color}` },
    h('span', { 'aria-hidden': 'true' }, style.symbol),
    ` ${t(statusKeys[status])}`,
  );
}

/** The worst of several statuses (null when none has a target). */
export function worstStatus(statuses: readonly unknown[]): Status | null {
  for (const status of statusSeverity) if (statuses.includes(status)) return status;
  return null;
}
