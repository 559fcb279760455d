import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { z } from 'zod';
import { useEditor } from '../editor/editorStore';
import { HEAT_MODES, NO_FILTER, type AnnotationFilter, type HeatMode } from '../../../shared/capture';
import type { InterviewSessionId, ParticipantId } from '../../../shared/model';

export type SidePanel = 'walk' | 'inspector' | 'list' | 'interview' | 'kpi' | 'room' | 'vote' | 'agenda';

/** Which quick-capture field is open in the selection panel (P and E keys). */
export type QuickCapture = 'painPoint' | 'exception' | 'parking' | null;

/** How the canvas shows what was noted, and where capture is going: view state, not model. */
export interface CaptureViewState {
  readonly panel: SidePanel;
  readonly heatMode: HeatMode | null;
  readonly filter: AnnotationFilter;
  readonly quick: QuickCapture;
  /** The annotation card opened for editing (e.g. right after it was created). */
  readonly expandedId: string | null;
  readonly sessionId: InterviewSessionId | null;
  readonly speakerId: ParticipantId | null;
  setPanel(panel: SidePanel): void;
  setHeatMode(mode: HeatMode | null): void;
  setFilter(filter: AnnotationFilter): void;
  startQuick(kind: Exclude<QuickCapture, null>): void;
  endQuick(): void;
  expand(id: string | null): void;
  setSession(sessionId: InterviewSessionId | null): void;
  setSpeaker(speakerId: ParticipantId | null): void;
}

const persistedSchema = z.object({ heatMode: z.enum(HEAT_MODES as [HeatMode, ...HeatMode[]]).nullable(), panel: z.enum(['walk', 'inspector', 'list', 'interview', 'kpi', 'room', 'vote', 'agenda']) }).partial();

/** What was stored, validated: a hand-edited or stale value is ignored, not trusted. Defined before the store, which reads it while being created. */
function persistedView(persisted: unknown): Partial<CaptureViewState> {
  const parsed = persistedSchema.safeParse(persisted);
  return parsed.success ? parsed.data : {};
}

/** The heatmap mode and open panel survive a reload; filters and quick fields start fresh. */
export const useCaptureView = create<CaptureViewState>()(
  persist(
    (set) => ({
      panel: 'inspector',
      heatMode: null,
      filter: NO_FILTER,
      quick: null,
      expandedId: null,
      sessionId: null,
      speakerId: null,
      setPanel: (panel) => set({ panel }),
      setHeatMode: (heatMode) => set({ heatMode }),
      setFilter: (filter) => set({ filter }),
      startQuick: (quick) => set({ quick, panel: quick === 'parking' ? 'room' : 'inspector' }),
      endQuick: () => set({ quick: null }),
      expand: (expandedId) => set({ expandedId }),
      setSession: (sessionId) => set({ sessionId }),
      setSpeaker: (speakerId) => set({ speakerId }),
    }),
    {
      name: 'kakehashi.captureView',
      version: 1,
      partialize: (state) => ({ heatMode: state.heatMode, panel: state.panel }),
      merge: (persisted, current) => ({ ...current, ...persistedView(persisted) }),
    },
  ),
);

/** The interview session chosen in the notes pane, if it is one of the open workshop's. */
export function currentSessionId(): InterviewSessionId | null {
  const { sessionId } = useCaptureView.getState();
  return sessionId && useEditor.getState().model.interviewSessions.has(sessionId) ? sessionId : null;
}
