import { useEffect } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';

/**
 * What both benchmark pages expose to the runner (tests/bench/run.mjs):
 * - `__benchReady`: `performance.now()` (ms after navigation start) once the map's nodes are
 *   in the DOM, measured, visible, the fitted viewport applied, edges drawn, and two animation
 *   frames have passed — open-to-interactive;
 * - `__startFrames()` / `__stopFrames()`: the deltas between consecutive requestAnimationFrame
 *   callbacks in between, in ms;
 * - `__benchFocus(id)`: centres the node at 100 % zoom;
 * - `__benchPosition(id)`: where the page's own state (the editor store, or the bare page's
 *   React state) says the node is — it changes when a drag is committed;
 * - `__benchMarks`: when the page script started and when the map was generated.
 */
export interface BenchWindow {
  __benchReady?: number;
  __benchMarks?: Record<string, number>;
  __startFrames?: () => void;
  __stopFrames?: () => number[];
  __benchFocus?: (id: string) => void;
  __benchPosition?: (id: string) => string | null;
  __benchValidate?: () => { problems: number; ms: number };
  __benchLastPointerUp?: number;
}

export const benchWindow = window as unknown as Window & BenchWindow;

export function mark(name: string): void {
  benchWindow.__benchMarks = { ...benchWindow.__benchMarks, [name]: performance.now() };
}

let recording: number[] | null = null;
let last = 0;
function tick(time: number) {
  if (!recording) return;
  if (last > 0) recording.push(time - last);
  last = time;
  requestAnimationFrame(tick);
}
benchWindow.__startFrames = () => {
  recording = [];
  last = 0;
  requestAnimationFrame(tick);
};
benchWindow.__stopFrames = () => {
  const frames = recording ?? [];
  recording = null;
  return frames;
};
window.addEventListener('pointerup', () => (benchWindow.__benchLastPointerUp = performance.now()), { capture: true });

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Rendered inside <ReactFlow>: watches for the map to be interactive, and lets the runner move the camera. */
export function BenchProbe({ edgeCount }: { edgeCount: number }) {
  const store = useStoreApi();
  const flow = useReactFlow();
  useEffect(() => {
    let live = true;
    const isReady = () => {
      const state = store.getState();
      if (state.fitViewQueued || state.nodeLookup.size === 0) return false;
      const elements = document.querySelectorAll<HTMLElement>('.react-flow__node');
      if (elements.length === 0) return false;
      for (const element of elements) {
        const node = state.nodeLookup.get(element.dataset.id ?? '');
        if (!node?.internals.handleBounds || element.style.visibility === 'hidden') return false;
      }
      return edgeCount === 0 || document.querySelector('.react-flow__edge') !== null;
    };
    void (async () => {
      while (live && !isReady()) await nextFrame();
      await nextFrame();
      await nextFrame();
      if (live && benchWindow.__benchReady === undefined) benchWindow.__benchReady = performance.now();
    })();
    benchWindow.__benchFocus = (id: string) => {
      const node = flow.getInternalNode(id);
      if (!node) throw new Error(`no node ${id}`);
      const width = node.measured.width ?? node.width ?? 0;
      const height = node.measured.height ?? node.height ?? 0;
      void flow.setCenter(node.internals.positionAbsolute.x + width / 2, node.internals.positionAbsolute.y + height / 2, { zoom: 1 });
    };
    return () => {
      live = false;
    };
  }, [store, flow, edgeCount]);
  return null;
}
