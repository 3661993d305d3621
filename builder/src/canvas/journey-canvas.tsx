import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Edge,
  type IsValidConnection,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useMemo, type DragEvent } from 'react';
import { NODE_KINDS, type NodeKind } from '@touchpoint/language';
import { nodeTypes } from '../nodes/registry';
import { NODE_LOOKS } from '../nodes/looks';
import { useEditor, useEditorStore } from './editor-context';
import { PALETTE_MIME } from './palette';
import type { StepNode } from './convert';

/** Edge width grows with the square root of clients so one busy path does not drown the rest. */
export function edgeWidth(clients: number, busiest: number): number {
  if (busiest <= 0 || clients <= 0) return 1.5;
  return 1.5 + 10 * Math.sqrt(clients / busiest);
}

function useStatEdges(edges: Edge[]): Edge[] {
  const stats = useEditor((state) => state.stats);
  return useMemo(() => {
    if (!stats) return edges;
    const busiest = Math.max(0, ...Object.values(stats.edges));
    return edges.map((edge) => {
      const clients = stats.edges[edge.id] ?? 0;
      return { ...edge, label: String(clients), style: { strokeWidth: edgeWidth(clients, busiest) } };
    });
  }, [edges, stats]);
}

/**
 * Edges sit above every step, a selected one too (React Flow lifts a selected node by 1000): an arrow
 * that crosses a card stays visible, so where each exit leads can always be followed by eye.
 */
const EDGE_OPTIONS = { type: 'smoothstep', zIndex: 1001 } as const;

/** The React Flow canvas: a thin adapter over the editor store. */
export function JourneyCanvas() {
  const store = useEditorStore();
  const nodes = useEditor((state) => state.nodes);
  const edges = useStatEdges(useEditor((state) => state.edges));
  const onNodesChange = useEditor((state) => state.onNodesChange);
  const onEdgesChange = useEditor((state) => state.onEdgesChange);
  const onConnect = useEditor((state) => state.onConnect);
  const { screenToFlowPosition } = useReactFlow();

  // Fit once when a saved journey opens. React Flow's `fitView` prop would also refit when the
  // first step lands on an empty canvas, moving it away from where the marketer dropped it.
  const fitOnOpen = useCallback((instance: ReactFlowInstance<StepNode>) => {
    if (instance.getNodes().length > 0) void instance.fitView({ maxZoom: 1, padding: 0.2 });
  }, []);
  const isValidConnection: IsValidConnection = useCallback(
    (connection) => connection.source !== connection.target,
    [],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!(NODE_KINDS as readonly string[]).includes(kind)) return;
      const position = screenToFlowPosition({ x: event.clientX - 110, y: event.clientY - 30 });
      store.getState().addStep(kind as NodeKind, position);
    },
    [screenToFlowPosition, store],
  );

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow<StepNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Meta', 'Control']}
        selectionKeyCode="Shift"
        defaultEdgeOptions={EDGE_OPTIONS}
        onInit={fitOnOpen}
        defaultViewport={{ x: 40, y: 40, zoom: 1 }}
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable nodeColor={(node) => NODE_LOOKS[(node as StepNode).data.kind].color} />
        <Controls />
      </ReactFlow>
    </div>
  );
}
