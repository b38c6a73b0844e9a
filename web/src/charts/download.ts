/** Downloads of a chart: its data (CSV) and its picture (SVG, and PNG drawn through a canvas). */
const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT_STACK =
  '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif';

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || box.width || svg.viewBox.baseVal?.width || 0;
  const height = Number(svg.getAttribute('height')) || box.height || svg.viewBox.baseVal?.height || 0;
  return { width, height };
}

function text(content: string, x: number, y: number, size: number, weight = 'normal', fill = '#1f2933'): SVGTextElement {
  const node = document.createElementNS(SVG_NS, 'text');
  node.setAttribute('x', String(x));
  node.setAttribute('y', String(y));
  node.setAttribute('font-size', String(size));
  node.setAttribute('font-weight', weight);
  node.setAttribute('fill', fill);
  node.textContent = content;
  return node;
}

/**
 * One standalone SVG of everything drawn in `body` (the chart and its legends, stacked as on screen), with the
 * title and unit above and the source below, so that a saved picture explains itself.
 */
export function composeSvg(body: Element, heading: string, subheading: string, footer: string): SVGSVGElement {
  const parts = [...body.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg') && !svg.closest('.tip-layer'));
  const pad = 16;
  let y = pad + 18;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('font-family', FONT_STACK);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('fill', '#ffffff');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  out.append(background, text(heading, pad, y, 16, '600'));
  if (subheading) out.append(text(subheading, pad, (y += 20), 12, 'normal', '#52606d'));
  y += 12;
  let width = 320;
  for (const svg of parts) {
    const { width: w, height: hgt } = sizeOf(svg);
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', String(pad));
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(w));
    copy.setAttribute('height', String(hgt));
    copy.removeAttribute('style');
    copy.style.overflow = 'visible';
    for (const tip of copy.querySelectorAll('[aria-label="tip"]')) tip.remove();
    out.append(copy);
    y += hgt + 8;
    width = Math.max(width, w + 2 * pad);
  }
  out.append(text(footer, pad, (y += 14), 11, 'normal', '#52606d'));
  const height = y + pad;
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return out;
}

export function svgBlob(svg: SVGSVGElement): Blob {
  const source = new XMLSerializer().serializeToString(svg);
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${source}`], { type: 'image/svg+xml;charset=utf-8' });
}

/** Rasterises an SVG at twice its size (sharp on high-density screens and in slides). */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas available');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
