import { useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { addLane, addStep, autoLayout } from '../../../shared/editor';
import { LANE_HEADER_WIDTH, LANE_PADDING, STEP_GAP, layoutLanes, sortLanes, stepSize } from '../../../shared/editor/geometry';
import { foldForSearch, stepTypeSchema, type LaneId, type StepId, type StepType } from '../../../shared/model';
import { isCommitEnter, isImeEnter } from '../ui/ime';
import { useEditor } from './editorStore';
import type { FlowEdge, FlowNode } from './flowProjection';
import { absoluteCentre } from './navigation';
import { StepIcon, STEP_STYLES } from './stepShapes';
import { getElk } from './elk';
import { useEditContext } from './useEditContext';
import { MapExportMenu } from '../images/MapExportMenu';

interface EditorToolbarProps {
  readonly snapToGrid: boolean;
  readonly onToggleSnap: () => void;
  readonly searchRef: React.RefObject<HTMLInputElement | null>;
}

export function EditorToolbar({ snapToGrid, onToggleSnap, searchRef }: EditorToolbarProps) {
  const { t } = useTranslation();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const editContext = useEditContext();
  const apply = useEditor((state) => state.apply);
  const canUndo = useEditor((state) => state.past.length > 0);
  const canRedo = useEditor((state) => state.future.length > 0);
  const undo = useEditor((state) => state.undo);
  const redo = useEditor((state) => state.redo);
  const [layingOut, setLayingOut] = useState(false);

  const addLaneNamed = () => {
    const { model } = useEditor.getState();
    const result = addLane(model, editContext(), { name: t('editor.newLaneName', { count: model.lanes.size + 1 }), kind: 'department' });
    apply(result.patch, [result.laneId]);
  };

  /** Adds a step of the type to the selected step's lane (or the first lane), to the right of what is there. */
  const addStepOfType = (type: StepType) => {
    const { model, selection } = useEditor.getState();
    const selectedStep = [...selection].map((id) => model.steps.get(id as StepId)).find((step) => step !== undefined);
    const selectedLane = [...selection].map((id) => model.lanes.get(id as LaneId)).find((lane) => lane !== undefined);
    const laneId = selectedStep?.laneId ?? selectedLane?.id ?? sortLanes(model.lanes.values())[0]?.id;
    if (!laneId) return;
    const inLane = [...model.steps.values()].filter((step) => step.laneId === laneId);
    const right = inLane.reduce((max, step) => Math.max(max, step.position.x + stepSize(step.type).width), LANE_HEADER_WIDTH);
    const result = addStep(model, editContext(), {
      laneId,
      type,
      label: '',
      position: { x: right + (inLane.length > 0 ? STEP_GAP : LANE_PADDING), y: LANE_PADDING },
    });
    apply(result.patch, [result.stepId]);
    useEditor.getState().setEditing(result.stepId);
  };

  const runAutoLayout = async () => {
    setLayingOut(true);
    try {
      const elk = await getElk();
      apply(await autoLayout(useEditor.getState().model, elk));
      void flow.fitView({ padding: 0.1, duration: 200 });
    } finally {
      setLayingOut(false);
    }
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <div className="toolbar-group">
        <button type="button" onClick={undo} disabled={!canUndo} title={t('editor.undoHint')}>
          {t('editor.undo')}
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title={t('editor.redoHint')}>
          {t('editor.redo')}
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" onClick={addLaneNamed}>
          {t('editor.addLane')}
        </button>
      </div>
      <div className="toolbar-group palette" role="group" aria-label={t('editor.addStep')}>
        {stepTypeSchema.options.map((type) => (
          <button key={type} type="button" className="palette-item" onClick={() => addStepOfType(type)} title={t(`stepType.${type}`)} aria-label={`${t('editor.addStep')}: ${t(`stepType.${type}`)}`}>
            <StepIcon type={type} color={STEP_STYLES[type].stroke} />
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        <button type="button" onClick={() => void runAutoLayout()} disabled={layingOut}>
          {t('editor.autoLayout')}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={snapToGrid} onChange={onToggleSnap} />
          <span>{t('editor.snapToGrid')}</span>
        </label>
        <button type="button" onClick={() => void flow.fitView({ padding: 0.1, duration: 200 })} title="Shift+1">
          {t('editor.zoomToFit')}
        </button>
      </div>
      <div className="toolbar-group">
        <MapExportMenu />
      </div>
      <StepSearch searchRef={searchRef} />
    </div>
  );
}

/** Finds steps by text (width- and case-insensitive); Enter jumps to the next match. */
function StepSearch({ searchRef }: { searchRef: React.RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const model = useEditor((state) => state.model);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  // The first Enter jumps to the first match; each further Enter on the same query to the next.
  const jumpedFor = useRef<string | null>(null);
  const folded = foldForSearch(query.trim());
  const matches = folded.length === 0 ? [] : [...model.steps.values()].filter((step) => foldForSearch(`${step.label} ${step.system} ${step.notes}`).includes(folded));

  const jump = (index: number) => {
    const step = matches[index % matches.length];
    if (!step) return;
    setCursor(index % matches.length);
    useEditor.getState().select([step.id]);
    const centre = absoluteCentre(step, layoutLanes(model.lanes.values(), model.steps.values()));
    void flow.setCenter(centre.x, centre.y, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
  };

  return (
    <div className="toolbar-group step-search">
      <input
        ref={searchRef}
        type="search"
        aria-label={t('editor.searchSteps')}
        placeholder={t('editor.searchSteps')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setCursor(0);
        }}
        onKeyDown={(event) => {
          if (isImeEnter(event)) return;
          if (isCommitEnter(event) || (event.key === 'Enter' && event.shiftKey)) {
            event.preventDefault();
            const again = jumpedFor.current === query;
            jump(event.shiftKey ? cursor - 1 + matches.length : again ? cursor + 1 : cursor);
            jumpedFor.current = query;
          } else if (event.key === 'Escape') {
            setQuery('');
            event.currentTarget.blur();
          }
        }}
      />
      {folded.length > 0 ? (
        <span className="secondary" aria-live="polite">
          {matches.length === 0 ? t('editor.noMatches') : t('editor.matchCount', { current: cursor + 1, count: matches.length })}
        </span>
      ) : null}
    </div>
  );
}
