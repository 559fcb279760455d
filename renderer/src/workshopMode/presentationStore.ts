import { create } from 'zustand';
import type { StepId } from '../../../shared/model';

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
  toggle: () => set({ presenting: !get().presenting, walkStepId: null }),
  stop: () => set({ presenting: false, walkStepId: null }),
  walkTo: (walkStepId) => set({ walkStepId }),
}));
