/**
 * What jsdom lacks and a chart card uses: a ResizeObserver (the card watches its width) and requestAnimationFrame
 * (it notes the first chart drawn). Call from beforeAll in a jsdom test.
 */
export function stubLayoutApis(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback) => Number(setTimeout(() => callback(0), 0));
}
