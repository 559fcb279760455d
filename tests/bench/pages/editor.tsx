import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import { I18nextProvider } from 'react-i18next';
import { z } from 'zod';
import { updateStep } from '../../../shared/editor';
import { newId, type LaneId, type StepId } from '../../../shared/model';
import { EditorActionsContext, type EditorActions } from '../../../renderer/src/editor/editorActions';
import { useEditor } from '../../../renderer/src/editor/editorStore';
import { FlowCanvas } from '../../../renderer/src/editor/FlowCanvas';
import { renameLaneCommand } from '../../../renderer/src/editor/laneRename';
import { createI18n } from '../../../renderer/src/i18n';
import { generateMap, schemaProblems } from '../generateMap';
import { BenchProbe, benchWindow, mark } from './harness';
import '@xyflow/react/dist/style.css';
import '../../../renderer/src/styles.css';
import './bench.css';

// As renderer/src/main.tsx: zod's JIT probe uses `new Function`, which the app's CSP forbids.
z.config({ jitless: true });
mark('script');

const stepCount = Number(new URLSearchParams(location.search).get('steps') ?? '150');
const map = generateMap(stepCount);
mark('generated');

// What MapEditorScreen does once the records are loaded; writes go nowhere.
useEditor.getState().open(map.workshopId, newId('process'), map.mapId, map, async () => {});

// The same actions MapEditor gives its nodes.
const actions: EditorActions = {
  commitLabel: (stepId: StepId, label: string) => {
    const editor = useEditor.getState();
    editor.setEditing(null);
    editor.apply(updateStep(editor.model, stepId, { label: label.trim() }));
  },
  stopEditing: () => useEditor.getState().setEditing(null),
  renameLane: (laneId: LaneId, name: string) => {
    const editor = useEditor.getState();
    editor.apply(renameLaneCommand(editor.model, laneId, name));
  },
  commitStickyText: () => undefined,
};

benchWindow.__benchPosition = (id) => {
  const step = useEditor.getState().model.steps.get(id as StepId);
  return step ? `${step.laneId} ${step.position.x},${step.position.y}` : null;
};
benchWindow.__benchValidate = () => {
  const start = performance.now();
  const problems = schemaProblems(map).length;
  return { problems, ms: performance.now() - start };
};

const root = document.getElementById('root');
if (!root) throw new Error('editor.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n('ja')}>
      <ReactFlowProvider>
        <EditorActionsContext.Provider value={actions}>
          <div className="bench-root">
            <FlowCanvas snapToGrid />
          </div>
          <BenchProbe edgeCount={map.connections.length} />
        </EditorActionsContext.Provider>
      </ReactFlowProvider>
    </I18nextProvider>
  </StrictMode>,
);
