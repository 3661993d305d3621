import { Background, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { draftToCanvas, type StepNode } from '../canvas/convert';
import { JourneyDraft } from '../canvas/draft';
import { EditorContext } from '../canvas/editor-context';
import { createEditorStore } from '../canvas/editor-store';
import { nodeTypes } from '../nodes/registry';
import type { StepMigrationMark } from './migration-marks';

/**
 * One version drawn read-only, as the version comparison draws it, with the migration marks on its
 * steps; a click on a step is the marketer's pick (the screen decides what it means).
 */
export function MigrationCanvas({
  title,
  definition,
  marks,
  onStepClick,
  testId,
}: {
  title: string;
  definition: unknown;
  marks: Record<string, StepMigrationMark>;
  onStepClick: (stepId: string) => void;
  testId: string;
}) {
  const store = useMemo(() => createEditorStore(draftToCanvas(JourneyDraft.parse(definition))), [definition]);
  useEffect(() => store.getState().setMigration(marks), [store, marks]);
  const { nodes, edges } = store.getState();
  return (
    <section className="migration-side">
      <h3>{title}</h3>
      <div className="migration-canvas" data-testid={testId}>
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
              onNodeClick={(_event, node) => onStepClick(node.id)}
              fitView
              fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
              minZoom={0.05}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={20} />
            </ReactFlow>
          </ReactFlowProvider>
        </EditorContext.Provider>
      </div>
    </section>
  );
}
