/**
 * jsdom has no canvas; Plot draws a ramp legend's gradient on a 256×1 canvas and embeds it as a data URL.
 * A context that accepts the drawing and an empty PNG URL are enough for tests that read the SVG around it.
 */
export function stubCanvas(): void {
  const context = { fillStyle: '', fillRect: () => undefined };
  HTMLCanvasElement.prototype.getContext = (() => context) as unknown as HTMLCanvasElement['getContext'];
  HTMLCanvasElement.prototype.toDataURL = () => 'data:image/png;base64,';
}
