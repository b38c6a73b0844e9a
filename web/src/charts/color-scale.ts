import { Plot } from './plot-kit.js';
import { FONT_STACK } from './download.js';

/** A colour encoding shared by a chart and its legend. */
export interface ColorSpec {
  /** 'diverging' is centred on `pivot` on a log scale (ratios around 1); 'sequential' runs from low to high. */
  kind: 'sequential' | 'diverging';
  domain: [number, number];
  pivot?: number;
  label: string;
  tickFormat?: (value: number) => string;
}

export function plotColor(spec: ColorSpec): Plot.ScaleOptions {
  if (spec.kind === 'diverging') {
    const pivot = spec.pivot ?? 1;
    // Symmetric in log space around the pivot, so that equal colour steps mean equal ratios.
    const reach = Math.max(
      Math.abs(Math.log(Math.max(spec.domain[1], 1e-6) / pivot)),
      Math.abs(Math.log(pivot / Math.max(spec.domain[0], 1e-6))),
      Math.log(1.25),
    );
    return {
      type: 'diverging-log',
      pivot,
      domain: [pivot / Math.exp(reach), pivot * Math.exp(reach)],
      scheme: 'rdbu',
      reverse: true,
      clamp: true,
    } as Plot.ScaleOptions;
  }
  return { type: 'linear', domain: spec.domain, scheme: 'ylgnbu', clamp: true } as Plot.ScaleOptions;
}

/** value → CSS colour with the same mapping as the legend. */
export function colorScale(spec: ColorSpec): (value: number) => string {
  const scale = Plot.scale({ color: plotColor(spec) });
  return (value) => String(scale.apply(value));
}

/** A ramp legend (SVG, so it goes into downloads). */
export function rampLegend(spec: ColorSpec, width: number): SVGSVGElement {
  const legend = Plot.legend({
    color: { ...plotColor(spec), label: spec.label, ...(spec.tickFormat ? { tickFormat: spec.tickFormat } : {}) },
    width: Math.min(360, width),
    style: { fontFamily: FONT_STACK, fontSize: '11px', background: 'transparent' },
  } as unknown as Plot.LegendOptions);
  return legend as unknown as SVGSVGElement;
}
