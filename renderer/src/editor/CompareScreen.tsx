import { useMemo, useRef } from 'react';
import { ReactFlow, ReactFlowProvider, Background, BackgroundVariant, Controls } from '@xyflow/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { compareMaps, mapMetrics, mapStateOf, metricDeltas, type MapRecords, type StepComparison } from '../../../shared/editor';
import { layoutLanes } from '../../../shared/editor/geometry';
import type { ProcessId, StepId, WorkshopId } from '../../../shared/model';
import { useDatabase } from '../db/DatabaseContext';
import { loadMapRecords } from '../db/mapRepository';
import { useProcess, useWorkshop } from '../db/queries';
import { routeHash } from '../routing';
import { EditorActionsContext, type EditorActions } from './editorActions';
import { projectEdges, projectNodes, ProjectionCache, type FlowEdge, type FlowNode } from './flowProjection';
import { LaneNode } from './LaneNode';
import { StepNode } from './StepNode';
import { CompareExportMenu } from '../images/MapExportMenu';

const nodeTypes = { lane: LaneNode, step: StepNode };
const readOnlyActions: EditorActions = { commitLabel: () => undefined, stopEditing: () => undefined, renameLane: () => undefined, commitStickyText: () => undefined };
const METRICS = ['stepCount', 'manualSteps', 'spreadsheetSteps', 'systemSteps', 'handoffs', 'touchMinutes', 'waitMinutes'] as const;
const STATUSES = ['removed', 'added', 'changed', 'automated', 'unchanged'] as const;

/** As-Is and To-Be side by side: what was removed, added, changed and automated, and what it does to the figures. */
export function CompareScreen({ workshopId, processId }: { workshopId: WorkshopId; processId: ProcessId }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const workshop = useWorkshop(workshopId);
  const process = useProcess(processId);
  const maps = useLiveQuery(async () => {
    if (!process?.toBeMapId) return null;
    return { asIs: await loadMapRecords(db, process.asIsMapId), toBe: await loadMapRecords(db, process.toBeMapId) };
  }, [db, process?.asIsMapId, process?.toBeMapId]);

  if (workshop === undefined || process === undefined || maps === undefined) return <div className="loading" aria-busy="true" />;
  if (!workshop || !process || !maps) {
    return (
      <main className="screen">
        <a href={routeHash({ name: 'workshop', workshopId })} className="back-link">
          ← {t('workshop.back')}
        </a>
        <p className="empty-state">{t('editor.noToBe')}</p>
      </main>
    );
  }
  const comparison = compareMaps(maps.asIs, maps.toBe);
  const deltas = metricDeltas(mapMetrics(maps.asIs), mapMetrics(maps.toBe));

  return (
    <main className="compare-screen">
      <div className="editor-header">
        <a href={routeHash({ name: 'workshop', workshopId })} className="back-link">
          ← {workshop.name}
        </a>
        <h1>{t('compare.title', { name: process.name })}</h1>
        <nav className="map-tabs" aria-label={t('editor.mapTabs')}>
          <a href={routeHash({ name: 'map', workshopId, processId, variant: 'asIs' })}>{t('editor.asIs')}</a>
          <a href={routeHash({ name: 'map', workshopId, processId, variant: 'toBe' })}>{t('editor.toBe')}</a>
          <a href={routeHash({ name: 'compare', workshopId, processId })} aria-current="page">
            {t('editor.compare')}
          </a>
        </nav>
      </div>
      <div className="compare-summary">
        <table className="data-table metrics-table" data-testid="metrics-table">
          <thead>
            <tr>
              <th scope="col">{t('compare.metric')}</th>
              <th scope="col" className="numeric">
                {t('editor.asIs')}
              </th>
              <th scope="col" className="numeric">
                {t('editor.toBe')}
              </th>
              <th scope="col" className="numeric">
                {t('compare.delta')}
              </th>
            </tr>
          </thead>
          <tbody>
            {METRICS.map((metric) => {
              const delta = deltas[metric];
              return (
                <tr key={metric} data-metric={metric}>
                  <th scope="row">{t(`metrics.${metric}`)}</th>
                  <td className="numeric">{delta.asIs}</td>
                  <td className="numeric">{delta.toBe}</td>
                  <td className={`numeric delta ${delta.delta < 0 ? 'delta-down' : delta.delta > 0 ? 'delta-up' : ''}`}>{delta.delta > 0 ? `+${delta.delta}` : delta.delta}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <CompareExportMenu process={process} asIs={maps.asIs} toBe={maps.toBe} participants={workshop.participants} />
        <ul className="status-legend" data-testid="status-legend">
          {STATUSES.map((status) => (
            <li key={status} className={`legend-${status}`} data-status={status}>
              <span className="legend-swatch" aria-hidden="true" />
              {t(`compare.status.${status}`)}: <strong>{comparison.counts[status]}</strong>
            </li>
          ))}
        </ul>
      </div>
      <div className="compare-maps">
        <section aria-label={t('editor.asIs')}>
          <h2>{t('editor.asIs')}</h2>
          <ReactFlowProvider>
            <ComparedMap records={maps.asIs} statuses={comparison.asIs} />
          </ReactFlowProvider>
        </section>
        <section aria-label={t('editor.toBe')}>
          <h2>{t('editor.toBe')}</h2>
          <ReactFlowProvider>
            <ComparedMap records={maps.toBe} statuses={comparison.toBe} />
          </ReactFlowProvider>
        </section>
      </div>
    </main>
  );
}

function ComparedMap({ records, statuses }: { records: MapRecords; statuses: ReadonlyMap<StepId, StepComparison> }) {
  const nodeCache = useRef(new ProjectionCache<FlowNode>());
  const edgeCache = useRef(new ProjectionCache<FlowEdge>());
  const { nodes, edges } = useMemo(() => {
    const model = mapStateOf(records);
    const input = { model, layout: layoutLanes(model.lanes.values(), model.steps.values()), selection: new Set<string>(), editingStepId: null, dragging: new Map(), badges: new Map(), heat: null };
    const projected = projectNodes(input, nodeCache.current).map((node): FlowNode => {
      if (node.type !== 'step') return node;
      const status = statuses.get(node.id as StepId)?.status;
      return status ? { ...node, className: `compare-${status}` } : node;
    });
    return { nodes: projected, edges: projectEdges(input, edgeCache.current) };
  }, [records, statuses]);
  return (
    <EditorActionsContext.Provider value={readOnlyActions}>
      <div className="compare-canvas">
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          onlyRenderVisibleElements
          fitView
          fitViewOptions={{ padding: 0.05 }}
          minZoom={0.05}
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </EditorActionsContext.Provider>
  );
}
