import { Background, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { nodeTypes } from '../nodes/registry';
import type { StepNode } from './convert';
import { EditorContext } from './editor-context';
import type { EditorStore } from './editor-store';

/**
 * A journey drawn from `store` that nobody can edit: no dragging, connecting or selecting, fitted to
 * its box. The version comparison and the migration screen draw their versions with it; a click on a
 * step goes to `onStepClick` when there is one. The nodes and edges are read without subscribing:
 * such a store is built for the drawing and only marked afterwards, and the nodes read their marks
 * from the store themselves.
 */
export function ReadOnlyCanvas({
  store,
  onStepClick,
}: {
  store: EditorStore;
  onStepClick?: (stepId: string) => void;
}) {
  const { nodes, edges } = store.getState();
  return (
    <EditorContext.Provider value={store}>
      <ReactFlowProvider>
        <ReactFlow<StepNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          defaultEdgeOptions={{ type: 'smoothstep' }}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          onNodeClick={onStepClick && ((_event, node) => onStepClick(node.id))}
          fitView
          fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
          minZoom={0.05}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} />
        </ReactFlow>
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
