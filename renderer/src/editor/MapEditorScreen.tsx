import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ReactFlowProvider, useNodesInitialized } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { updateStep } from '../../../shared/editor';
import { nowTimestamp, type LaneId, type MapVariant, type ProcessId, type StepId, type StickyNoteId, type WorkshopId } from '../../../shared/model';
import { updateRecord } from '../../../shared/capture';
import { useDatabase } from '../db/DatabaseContext';
import { loadEditorRecords, writeMapPatch } from '../db/mapRepository';
import { useProcess, useWorkshop } from '../db/queries';
import { routeHash } from '../routing';
import { errorText } from '../ui/errors';
import { DeleteLaneDialog } from './DeleteLaneDialog';
import { EditorActionsContext, type EditorActions } from './editorActions';
import { useEditor } from './editorStore';
import { EditorToolbar } from './EditorToolbar';
import { FlowCanvas } from './FlowCanvas';
import { InspectorPanel } from './InspectorPanel';
import { CaptureBar } from '../capture/CaptureBar';
import { SidePanel } from '../capture/SidePanel';
import { useJumpTo } from '../capture/useRevealStep';
import { usePresentationMode } from '../workshopMode/PresentationMode';
import { useAddStickyNote } from '../workshopMode/useAddStickyNote';
import { usePresentation } from '../workshopMode/presentationStore';
import { isTypingTarget } from './navigation';
import { renameLaneCommand } from './laneRename';
import { ForkToBeButton } from './ForkToBeButton';
import { useEditorShortcuts } from './useEditorShortcuts';

interface MapEditorScreenProps {
  readonly workshopId: WorkshopId;
  readonly processId: ProcessId;
  readonly variant: MapVariant;
  /** A step to select and centre once the map is drawn (a link from the backlog). */
  readonly focus?: StepId | undefined;
}

type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; message: string };

export function MapEditorScreen({ workshopId, processId, variant, focus }: MapEditorScreenProps) {
  const { t } = useTranslation();
  const db = useDatabase();
  const workshop = useWorkshop(workshopId);
  const process = useProcess(processId);
  const mapId = process ? (variant === 'asIs' ? process.asIsMapId : process.toBeMapId) : null;
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });

  useEffect(() => {
    if (!mapId) return;
    let live = true;
    setLoad({ status: 'loading' });
    loadEditorRecords(db, workshopId, processId, mapId).then(
      (records) => {
        if (!live) return;
        useEditor.getState().open(workshopId, processId, mapId, records, (change) => writeMapPatch(db, workshopId, mapId, change));
        setLoad({ status: 'ready' });
      },
      (error: unknown) => live && setLoad({ status: 'failed', message: errorText(error) }),
    );
    return () => {
      live = false;
      useEditor.getState().close();
    };
  }, [db, workshopId, processId, mapId]);

  if (workshop === undefined || process === undefined) return <div className="loading" aria-busy="true" />;
  if (workshop === null || process === null || process.workshopId !== workshopId) {
    return (
      <main className="screen">
        <a href={routeHash({ name: 'library' })} className="back-link">
          ← {t('workshop.back')}
        </a>
        <p className="empty-state">{t('editor.processNotFound')}</p>
      </main>
    );
  }

  const header = (
    <div className="editor-header">
      <a href={routeHash({ name: 'workshop', workshopId })} className="back-link">
        ← {workshop.name}
      </a>
      <h1>{process.name}</h1>
      <nav className="map-tabs" aria-label={t('editor.mapTabs')}>
        <a href={routeHash({ name: 'map', workshopId, processId, variant: 'asIs' })} aria-current={variant === 'asIs' ? 'page' : undefined}>
          {t('editor.asIs')}
        </a>
        {process.toBeMapId ? (
          <>
            <a href={routeHash({ name: 'map', workshopId, processId, variant: 'toBe' })} aria-current={variant === 'toBe' ? 'page' : undefined}>
              {t('editor.toBe')}
            </a>
            <a href={routeHash({ name: 'compare', workshopId, processId })}>{t('editor.compare')}</a>
          </>
        ) : (
          <ForkToBeButton process={process} />
        )}
      </nav>
    </div>
  );

  if (!mapId) {
    return (
      <main className="screen editor-screen">
        {header}
        <p className="empty-state">{t('editor.noToBe')}</p>
      </main>
    );
  }
  if (load.status === 'failed') {
    return (
      <main className="screen editor-screen">
        {header}
        <p className="field-error" role="alert">
          {t('editor.loadFailed', { message: load.message })}
        </p>
      </main>
    );
  }
  return (
    <main className={`editor-screen variant-${variant}`} aria-busy={load.status === 'loading'}>
      {header}
      {load.status === 'ready' ? (
        <ReactFlowProvider>
          <MapEditor participants={workshop.participants} focus={focus} key={mapId} />
        </ReactFlowProvider>
      ) : null}
    </main>
  );
}

function MapEditor({ participants, focus }: { participants: Parameters<typeof InspectorPanel>[0]['participants']; focus: StepId | undefined }) {
  useFocusStep(focus);
  const [snapToGrid, setSnapToGrid] = useState(true);
  const [deletingLane, setDeletingLane] = useState<LaneId | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const onFind = useCallback(() => searchRef.current?.focus(), []);
  const onShortcut = useEditorShortcuts({ onFind, onDeleteLane: setDeletingLane });
  const addSticky = useAddStickyNote();
  const presenting = usePresentation((state) => state.presenting);
  const onWalkKey = usePresentationMode(rootRef);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'F5') {
      event.preventDefault();
      usePresentation.getState().toggle();
    } else if (!isTypingTarget(event.target) && onWalkKey(event.key)) {
      event.preventDefault();
    } else onShortcut(event);
  };

  const actions = useMemo<EditorActions>(
    () => ({
      commitLabel: (stepId: StepId, label: string) => {
        const editor = useEditor.getState();
        editor.setEditing(null);
        editor.apply(updateStep(editor.model, stepId, { label: label.trim() }));
        // Keyboard building goes on from the canvas: Tab, arrows, Enter.
        rootRef.current?.querySelector<HTMLElement>('.editor-body')?.focus();
      },
      stopEditing: () => {
        useEditor.getState().setEditing(null);
        rootRef.current?.querySelector<HTMLElement>('.editor-body')?.focus();
      },
      commitStickyText: (noteId: StickyNoteId, text: string) => {
        const editor = useEditor.getState();
        editor.setEditing(null);
        editor.apply(updateRecord(editor.model, 'stickyNotes', noteId, { text: text.trim() }, nowTimestamp()));
        rootRef.current?.querySelector<HTMLElement>('.editor-body')?.focus();
      },
      renameLane: (laneId: LaneId, name: string) => {
        const editor = useEditor.getState();
        editor.apply(renameLaneCommand(editor.model, laneId, name));
      },
    }),
    [],
  );

  return (
    <EditorActionsContext.Provider value={actions}>
      <div className={`map-editor${presenting ? ' presenting' : ''}`} ref={rootRef} onKeyDown={onKeyDown}>
        {presenting ? null : <EditorToolbar snapToGrid={snapToGrid} onToggleSnap={() => setSnapToGrid((value) => !value)} searchRef={searchRef} />}
        <CaptureBar participants={participants} onAddSticky={addSticky} />
        <div className="editor-body" tabIndex={-1}>
          <FlowCanvas snapToGrid={snapToGrid} participants={participants} />
          <SidePanel presenting={presenting} participants={participants} inspector={<InspectorPanel participants={participants} onDeleteLane={setDeletingLane} />} />
        </div>
        {deletingLane ? <DeleteLaneDialog laneId={deletingLane} onClose={() => setDeletingLane(null)} /> : null}
      </div>
    </EditorActionsContext.Provider>
  );
}

/** Selects and centres a step once React Flow has measured the nodes (after its initial fit). */
function useFocusStep(stepId: StepId | undefined): void {
  const initialised = useNodesInitialized();
  const jumpTo = useJumpTo();
  useEffect(() => {
    if (initialised && stepId) jumpTo({ stepId });
  }, [initialised, stepId, jumpTo]);
}
