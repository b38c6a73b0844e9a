import type { Province } from '../data/references.js';
import { nameOf, type Lang } from '../i18n/index.js';
import type { ChartView } from '../ui/card-frame.js';
import { h } from '../ui/dom.js';
import type { Option } from '../ui/controls.js';
import type { CardModel } from '../view-models/common.js';
import type { PageContext } from './context.js';

export { num, numberFormats, provinceLabel, resultTable } from '../view-models/common.js';
export { unitOf } from '../i18n/index.js';

/** An item's name in the language (items carry name_zh and name_en). */
export const nameIn = (item: { name_zh: string; name_en: string }, lang: Lang): string => nameOf(item, lang);

/** A card's view of a view model: the empty state without one, else its summary, its table and its chart. */
export function viewOf<M extends CardModel>(
  model: M | null,
  draw: (model: M, width: number) => Element,
  interactive?: true,
): ChartView | null {
  return (
    model && {
      summary: model.summary,
      table: model.table,
      draw: (width) => draw(model, width),
      ...(model.period ? { period: model.period } : {}),
      ...(model.sourceNote ? { sourceNote: model.sourceNote } : {}),
      ...(interactive ? { interactive } : {}),
    }
  );
}

export function programOptions(ctx: PageContext, factTable: string): Option[] {
  return ctx.refs.programs.filter((p) => p.factTable === factTable).map((p) => ({ value: p.code, label: nameIn(p, ctx.lang) }));
}

export const mainland = (ctx: PageContext): Province[] => ctx.refs.provinces.filter((p) => p.inMainland);

/** The nation (empty value) and the 31 mainland provinces. */
export function regionOptions(ctx: PageContext, nationLabel?: string): Option[] {
  const provinces = mainland(ctx).map((p) => ({ value: p.code, label: nameIn(p, ctx.lang) }));
  return nationLabel === undefined ? provinces : [{ value: '', label: nationLabel }, ...provinces];
}

/** Years from `from` to `to`, newest first, after a "latest" choice. */
export function yearOptions(from: number, to: number, latestLabel: string): Option[] {
  const years: Option[] = [];
  for (let y = to; y >= from; y--) years.push({ value: String(y), label: String(y) });
  return [{ value: '', label: latestLabel }, ...years];
}

/** Quarters back from the latest ('2026Q3'), newest first. */
export function quarterList(latest: string | null, count: number): string[] {
  const match = /^(\d{4})Q([1-4])$/.exec(latest ?? '');
  if (!match) return [];
  let year = Number(match[1]);
  let quarter = Number(match[2]);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/** The latest year with data in the training facts ('2026-10' → 2026). */
export const trainingYear = (ctx: PageContext): number => Number((ctx.meta.freshness.training_through ?? '2025').slice(0, 4));

/** A card that says something instead of drawing (e.g. that the province has no rows of this kind and why). */
export function messageView(message: string, table: ChartView['table'], period?: string): ChartView {
  // The frame shows its generic empty state for a view without rows: the message is the row then.
  const said = table.rows.length ? table : { columns: [{ key: 'message', label: 'message' }], rows: [{ message }] };
  return {
    summary: message,
    table: said,
    draw: () => h('p', { class: 'state state-empty card-message' }, message),
    ...(period ? { period } : {}),
  };
}
