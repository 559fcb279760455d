import { create } from 'zustand';
import type { StepId } from '../../../shared/model';
import { useCaptureView } from '../capture/captureStore';

/** Presentation mode: the canvas alone, large, for a room; the guided walk's current step. */
interface PresentationState {
  readonly presenting: boolean;
  readonly walkStepId: StepId | null;
  toggle(): void;
  stop(): void;
  walkTo(stepId: StepId | null): void;
}

export const usePresentation = create<PresentationState>((set, get) => ({
  presenting: false,
  walkStepId: null,
  toggle: () => {
    const presenting = !get().presenting;
    useCaptureView.getState().setPanel(presenting ? 'walk' : 'inspector');
    set({ presenting, walkStepId: null });
  },
  stop: () => {
    useCaptureView.getState().setPanel('inspector');
    set({ presenting: false, walkStepId: null });
  },
  walkTo: (walkStepId) => set({ walkStepId }),
}));
