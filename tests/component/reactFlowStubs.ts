/**
 * What React Flow needs from a browser that jsdom lacks (see TOOLCHAIN.md): a ResizeObserver
 * that reports at once, DOMMatrixReadOnly for the viewport transform, and element sizes taken
 * from inline styles. Without them nodes stay hidden and edges are not drawn.
 */
class ImmediateResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target, contentRect: target.getBoundingClientRect() } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

class MatrixStandIn {
  m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? '');
    this.m22 = scale ? Number(scale[1]) : 1;
  }
}

export function installReactFlowStubs(): void {
  globalThis.ResizeObserver = ImmediateResizeObserver as unknown as typeof ResizeObserver;
  (globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly = MatrixStandIn;
  const size = (dimension: 'width' | 'height') =>
    function (this: HTMLElement) {
      return Number.parseFloat(this.style?.[dimension] ?? '') || 1000;
    };
  Object.defineProperties(HTMLElement.prototype, {
    offsetWidth: { configurable: true, get: size('width') },
    offsetHeight: { configurable: true, get: size('height') },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
}
