import type { Meta } from '../api.js';
import { chartFrame, type Frame, type FrameOptions } from '../ui/card-frame.js';
import type { References } from '../data/references.js';
import { formatMonth, formatQuarter, type Lang } from '../i18n/format.js';
import type { Translate } from '../i18n/index.js';
import type { PageId, ParamPatch, ViewState } from '../state.js';

/** Which fact table a chart draws on: decides the freshness it states. */
export type SourceKind = 'training' | 'labor' | 'competition' | 'talent' | 'mixed' | 'reference';

/** Everything a page gets from the shell: the view state, translations, reference data and ways to change state. */
export interface PageContext {
  state: ViewState;
  lang: Lang;
  t: Translate;
  meta: Meta;
  refs: References;
  /** Changes filters (the URL and then the page follow). */
  set(patch: ParamPatch): void;
  navigate(page: PageId, params?: Record<string, string>): void;
}

/** A page: built once per page and language, then brought up to date on every change of its filters. */
export interface PageInstance {
  update(ctx: PageContext): void;
}

export type PageMount = (root: HTMLElement, ctx: PageContext) => PageInstance;

/** "Synthetic sample data · version … · training through Oct 2026": the source line of a chart. */
export function sourceLine(ctx: Pick<PageContext, 'meta' | 't' | 'lang'>, kind: SourceKind): string {
  const { meta, t, lang } = ctx;
  const synthetic = meta.sources.length === 0 || meta.sources.every((s) => s === 'synthetic');
  const origin = synthetic ? t('sourceSynthetic') : t('sourceList', { sources: meta.sources.slice(0, 3).join('; ') });
  const f = meta.freshness;
  const through: Record<SourceKind, string | null> = {
    training: f.training_through ? t('throughTraining', { period: formatMonth(f.training_through, lang) }) : null,
    labor: f.labor_market_through ? t('throughLabor', { period: formatQuarter(f.labor_market_through, lang) }) : null,
    competition: f.competition_through ? t('throughCompetition', { period: String(f.competition_through) }) : null,
    talent: f.talent_stock_through ? t('throughTalent', { period: String(f.talent_stock_through) }) : null,
    mixed: f.training_through ? t('throughTraining', { period: formatMonth(f.training_through, lang) }) : null,
    reference: null,
  };
  return [origin, t('dataVersion', { version: meta.snapshot }), through[kind]].filter(Boolean).join(' · ');
}

/** A chart frame with the page's translations, source line and data version filled in. */
export function frameFor(ctx: PageContext, options: Omit<FrameOptions, 't' | 'source' | 'snapshot'> & { kind: SourceKind }): Frame {
  return chartFrame({ ...options, t: ctx.t, source: sourceLine(ctx, options.kind), snapshot: ctx.meta.snapshot });
}

/** The value of a filter, or its default. */
export function param(ctx: PageContext, key: string, fallback = ''): string {
  return ctx.state.params[key] ?? fallback;
}
