import { describe, expect, it } from 'vitest';
import { draftToCanvas, canvasToDraft } from './convert';
import { JourneyDraft } from './draft';
import { createEditorStore } from './editor-store';

const empty = () =>
  createEditorStore(draftToCanvas(JourneyDraft.parse({ schemaVersion: 1, nodes: [], edges: [] })));

describe('editor store', () => {
  it('builds a journey step by step and reports what is missing', () => {
    const store = empty();
    const { addStep, onConnect } = store.getState();
    const entry = addStep('entry', { x: 0, y: 0 });
    const send = addStep('send', { x: 0, y: 150 });
    onConnect({ source: entry, sourceHandle: 'out', target: send, targetHandle: 'in' });
    const state = store.getState();
    expect(canvasToDraft(state).edges).toEqual([
      { id: 'entry-1.out', source: 'entry-1', sourcePort: 'out', target: 'send-1' },
    ]);
    const codes = state.problems.map((problem) => `${problem.nodeId}:${problem.code}`);
    // The entry still needs an event type and the send a template: both are marked on their step.
    expect(codes).toContain('entry-1:invalidConfig');
    expect(codes).toContain('send-1:invalidConfig');
  });

  it('replaces the edge of a port that is connected again', () => {
    const store = empty();
    const { addStep, onConnect } = store.getState();
    const entry = addStep('entry', { x: 0, y: 0 });
    const a = addStep('exit', { x: 0, y: 100 });
    const b = addStep('exit', { x: 100, y: 100 });
    onConnect({ source: entry, sourceHandle: 'out', target: a, targetHandle: 'in' });
    onConnect({ source: entry, sourceHandle: 'out', target: b, targetHandle: 'in' });
    expect(store.getState().edges.map((edge) => edge.target)).toEqual([b]);
  });

  it('undoes and redoes edits but not selection', () => {
    const store = empty();
    store.getState().addStep('wait', { x: 0, y: 0 });
    store.getState().onNodesChange([{ type: 'select', id: 'wait-1', selected: false }]);
    store.getState().addStep('exit', { x: 0, y: 100 });
    store.getState().undo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['wait-1']);
    store.getState().undo();
    expect(store.getState().nodes).toEqual([]);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['wait-1', 'exit-1']);
  });

  it('deletes selected steps with their edges, and pastes copies with fresh ids', () => {
    const store = empty();
    const { addStep, onConnect } = store.getState();
    const entry = addStep('entry', { x: 0, y: 0 });
    const exit = addStep('exit', { x: 0, y: 100 });
    onConnect({ source: entry, sourceHandle: 'out', target: exit, targetHandle: 'in' });
    store.getState().onNodesChange([
      { type: 'select', id: entry, selected: true },
      { type: 'select', id: exit, selected: false },
    ]);
    store.getState().copy();
    store.getState().paste();
    expect(store.getState().nodes.map((node) => node.id)).toEqual([entry, exit, 'entry-2']);
    store.getState().deleteSelected();
    store.getState().onNodesChange([{ type: 'select', id: exit, selected: true }]);
    store.getState().deleteSelected();
    expect(store.getState().nodes.map((node) => node.id)).toEqual([entry]);
    expect(store.getState().edges).toEqual([]);
  });
});
