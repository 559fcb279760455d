import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { applyEdgeChanges, applyNodeChanges, ReactFlow, ReactFlowProvider, type Edge, type Node, type OnEdgesChange, type OnNodesChange } from '@xyflow/react';
import { layoutLanes } from '../../../shared/editor/geometry';
import { generateMap } from '../generateMap';
import { BenchProbe, benchWindow, mark } from './harness';
import '@xyflow/react/dist/style.css';
import './bench.css';

mark('script');
const stepCount = Number(new URLSearchParams(location.search).get('steps') ?? '150');
// The same map as the editor page, and the same absolute positions, drawn as plain nodes.
const map = generateMap(stepCount);
mark('generated');
const layout = layoutLanes(map.lanes, map.steps);
const initialNodes: Node[] = map.steps.map((step) => ({
  id: step.id,
  position: { x: step.position.x, y: (layout.byId.get(step.laneId)?.y ?? 0) + step.position.y },
  data: { label: step.label },
}));
const initialEdges: Edge[] = map.connections.map((connection) => ({ id: connection.id, source: connection.sourceStepId, target: connection.targetStepId }));

let currentNodes = initialNodes;
benchWindow.__benchPosition = (id) => {
  const node = currentNodes.find((candidate) => candidate.id === id);
  return node ? `${node.position.x},${node.position.y}` : null;
};

/** React Flow's documented minimal controlled flow. Only the camera is set like the editor's, so both pages show the same part of the map. */
function Bare() {
  const [nodes, setNodes] = useState(initialNodes);
  const [edges, setEdges] = useState(initialEdges);
  currentNodes = nodes;
  const onNodesChange: OnNodesChange = useCallback((changes) => setNodes((current) => applyNodeChanges(changes, current)), []);
  const onEdgesChange: OnEdgesChange = useCallback((changes) => setEdges((current) => applyEdgeChanges(changes, current)), []);
  return (
    <div className="bench-root">
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} fitView fitViewOptions={{ padding: 0.1, maxZoom: 1 }} minZoom={0.05} maxZoom={3}>
        <BenchProbe edgeCount={edges.length} />
      </ReactFlow>
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('bare.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ReactFlowProvider>
      <Bare />
    </ReactFlowProvider>
  </StrictMode>,
);
