import type { Translate } from '../i18n/index.js';
import { csvText, fileName, type ChartTable } from '../charts/csv.js';
import { composeSvg, pngBlob, saveBlob, svgBlob } from '../charts/download.js';
import { h } from './dom.js';

export interface DownloadOptions {
  /** The card's id: the stem of the file names. */
  id: string;
  /** The card's title, for the buttons' accessible names. */
  title: string;
  /** Data version, in the file names. */
  snapshot?: string | null;
  t: Translate;
}

/** What the downloads read at the moment of a click: the data shown, and the chart as one standalone SVG. */
export interface DownloadSource {
  table(): ChartTable | null;
  picture(): SVGSVGElement;
}

export interface CardDownloads {
  buttons: HTMLButtonElement[];
  /** The data (CSV) needs a table; the picture (SVG, PNG) needs a chart drawn in SVG. */
  enable(enabled: { data: boolean; picture: boolean }): void;
}

/**
 * A card action button: short label, a title saying what it does, and an accessible name that starts with the
 * label a sighted user sees (so that speech input finds it, WCAG 2.5.3) and says what it does for which card.
 */
export function cardButton(label: string, title: string, cardTitle: string, action: () => void | Promise<void>): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'card-action',
      title,
      'aria-label': `${label} · ${title} · ${cardTitle}`,
      disabled: true,
      onclick: () => void action(),
    },
    label,
  );
}

/** The CSV, SVG and PNG download buttons of a card, disabled until there is something to download. */
export function cardDownloads(options: DownloadOptions, source: DownloadSource): CardDownloads {
  const { t, id, snapshot } = options;
  const csv = cardButton('CSV', t('downloadCsv'), options.title, () => {
    const table = source.table();
    if (table) saveBlob(new Blob([csvText(table)], { type: 'text/csv;charset=utf-8' }), fileName(id, snapshot, 'csv'));
  });
  const svg = cardButton('SVG', t('downloadSvg'), options.title, () => saveBlob(svgBlob(source.picture()), fileName(id, snapshot, 'svg')));
  const png = cardButton('PNG', t('downloadPng'), options.title, async () =>
    saveBlob(await pngBlob(source.picture()), fileName(id, snapshot, 'png')),
  );
  return {
    buttons: [csv, svg, png],
    enable({ data, picture }) {
      csv.disabled = !data;
      svg.disabled = png.disabled = !picture;
    },
  };
}

/** The picture of a card as a download gives it: everything drawn in its body, with its heading and source. */
export function cardPicture(body: Element, title: Element, unit: Element, source: string): SVGSVGElement {
  return composeSvg(body, title.textContent ?? '', unit.textContent ?? '', source);
}
