import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { validateJourney, type JourneyProblem, type NodeKind } from '@touchpoint/language';
import type { JourneyStats, TestPathResult } from '../api/schemas';
import type { FunnelActionRule, NodeFunnel } from '../api/schemas';
import type { UpliftByStep } from '../report/uplift/load-uplift';
import type { StepMigrationMark } from '../migration/migration-marks';
import { createDefaultConfig } from '../nodes/default-configs';
import { copySelection, pasteClipboard, type ClipboardPayload } from './clipboard';
import {
  canvasToDraft,
  edgeIdFor,
  INPUT_HANDLE,
  type CanvasState,
  type StepData,
  type StepNode,
} from './convert';
import type { StepChange } from './diff';
import { createHistory, pushHistory, redoHistory, undoHistory, type History } from './history';

/** The editor's state and actions. One store per open journey (see {@link createEditorStore}). */
export interface EditorState extends CanvasState {
  history: History<CanvasState>;
  problems: JourneyProblem[];
  /** Bumped on every edit that changes the draft; autosave watches it. */
  revision: number;
  clipboard: ClipboardPayload<StepNode> | null;
  stats: JourneyStats | null;
  /** The report's per-node funnel for the stats overlay, with the taxonomy that labels its actions. */
  funnel: { nodes: Record<string, NodeFunnel>; actions: FunnelActionRule[] } | null;
  /** The journey's and each step's uplift against its control group, for the stats overlay. */
  uplift: UpliftByStep | null;
  /** Steps highlighted by the version comparison, or null when not comparing. */
  diff: Record<string, StepChange> | null;
  /** The last test path's steps, lit on the canvas: each drawn step with the days the client was there. */
  testPath: TestPathResult | null;
  /** On the migration screen's canvases: who waits on each step, where they go, who arrives. */
  migration: Record<string, StepMigrationMark> | null;
  onNodesChange: (changes: NodeChange<StepNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (connection: Connection) => void;
  addStep: (kind: NodeKind, position: { x: number; y: number }) => string;
  updateStep: (id: string, patch: Partial<Pick<StepData, 'name' | 'config'>>) => void;
  updateMeta: (patch: Partial<CanvasState['meta']>) => void;
  setPositions: (positions: Record<string, { x: number; y: number }>) => void;
  deleteSelected: () => void;
  copy: () => void;
  paste: () => void;
  undo: () => void;
  redo: () => void;
  setStats: (stats: JourneyStats | null) => void;
  setFunnel: (funnel: EditorState['funnel']) => void;
  setUplift: (uplift: UpliftByStep | null) => void;
  /** Adds problems only the server can see (catalogs); the next edit re-checks locally. */
  showServerProblems: (problems: JourneyProblem[]) => void;
  setDiff: (diff: Record<string, StepChange> | null) => void;
  setTestPath: (path: TestPathResult | null) => void;
  setMigration: (migration: Record<string, StepMigrationMark> | null) => void;
}

export type EditorStore = StoreApi<EditorState>;

function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Problems of the draft as drawn; the server re-checks against its catalogs when publishing. */
export function findProblems(state: CanvasState): JourneyProblem[] {
  return validateJourney(canvasToDraft(state));
}

/** Creates the store for one journey's canvas. Pure React Flow change handling lives here. */
export function createEditorStore(initial: CanvasState): EditorStore {
  return createStore<EditorState>()((set, get) => {
    /** Records an edit: new canvas, one undo step, fresh problems, autosave tick. */
    const commit = (next: CanvasState) =>
      set((state) => ({
        ...next,
        history: pushHistory(state.history, next),
        problems: findProblems(next),
        revision: state.revision + 1,
      }));
    const current = (): CanvasState => {
      const { nodes, edges, meta } = get();
      return { nodes, edges, meta };
    };
    const restore = (history: History<CanvasState>) =>
      set((state) => ({
        ...history.present,
        history,
        problems: findProblems(history.present),
        revision: state.revision + 1,
      }));

    return {
      ...initial,
      history: createHistory(initial),
      problems: findProblems(initial),
      revision: 0,
      clipboard: null,
      stats: null,
      funnel: null,
      uplift: null,
      diff: null,
      testPath: null,
      migration: null,
      onNodesChange: (changes) => {
        const nodes = applyNodeChanges(changes, get().nodes);
        // Selection and mid-drag moves are view state: only finished edits become undo steps.
        const isEdit = changes.some(
          (change) =>
            change.type === 'remove' ||
            change.type === 'add' ||
            (change.type === 'position' && change.dragging === false),
        );
        if (isEdit) commit({ ...current(), nodes });
        else set({ nodes });
      },
      onEdgesChange: (changes) => {
        const edges = applyEdgeChanges(changes, get().edges);
        if (changes.some((change) => change.type === 'remove' || change.type === 'add')) {
          commit({ ...current(), edges });
        } else set({ edges });
      },
      onConnect: (connection) => {
        const port = connection.sourceHandle ?? 'out';
        // A port leads to exactly one next step: connecting it again replaces the old edge.
        const others = get().edges.filter(
          (edge) => !(edge.source === connection.source && (edge.sourceHandle ?? 'out') === port),
        );
        const edge: Edge = {
          ...connection,
          id: edgeIdFor(connection.source, port),
          sourceHandle: port,
          targetHandle: INPUT_HANDLE,
        };
        commit({ ...current(), edges: addEdge(edge, others) });
      },
      addStep: (kind, position) => {
        const id = uniqueId(kind, new Set(get().nodes.map((node) => node.id)));
        const node: StepNode = {
          id,
          type: kind,
          position,
          selected: true,
          data: { kind, config: createDefaultConfig(kind) },
        };
        const nodes = get().nodes.map((other) => ({ ...other, selected: false }));
        commit({ ...current(), nodes: [...nodes, node] });
        return id;
      },
      updateStep: (id, patch) => {
        const nodes = get().nodes.map((node) =>
          node.id === id ? { ...node, data: { ...node.data, ...patch } } : node,
        );
        commit({ ...current(), nodes });
      },
      updateMeta: (patch) => commit({ ...current(), meta: { ...get().meta, ...patch } }),
      setPositions: (positions) => {
        const nodes = get().nodes.map((node) => ({ ...node, position: positions[node.id] ?? node.position }));
        commit({ ...current(), nodes });
      },
      deleteSelected: () => {
        const removed = new Set(
          get()
            .nodes.filter((node) => node.selected)
            .map((node) => node.id),
        );
        const nodes = get().nodes.filter((node) => !removed.has(node.id));
        const edges = get().edges.filter(
          (edge) => !edge.selected && !removed.has(edge.source) && !removed.has(edge.target),
        );
        commit({ ...current(), nodes, edges });
      },
      copy: () => set({ clipboard: copySelection(get().nodes, get().edges) }),
      paste: () => {
        const clipboard = get().clipboard;
        if (!clipboard || clipboard.nodes.length === 0) return;
        const taken = new Set(get().nodes.map((node) => node.id));
        const pasted = pasteClipboard(clipboard, (original) => {
          const id = uniqueId(original.data.kind, taken);
          taken.add(id);
          return id;
        });
        const nodes = get().nodes.map((node) => ({ ...node, selected: false }));
        commit({
          ...current(),
          nodes: [...nodes, ...pasted.nodes],
          edges: [...get().edges, ...pasted.edges],
        });
        // The next paste lands further along instead of exactly on top of this one.
        set({ clipboard: { nodes: pasted.nodes, edges: pasted.edges } });
      },
      undo: () => restore(undoHistory(get().history)),
      redo: () => restore(redoHistory(get().history)),
      setStats: (stats) => set({ stats }),
      setFunnel: (funnel) => set({ funnel }),
      setUplift: (uplift) => set({ uplift }),
      showServerProblems: (problems) => {
        const local = findProblems(current());
        const seen = new Set(local.map((problem) => `${problem.nodeId}|${problem.code}|${problem.message}`));
        const extra = problems.filter(
          (problem) => !seen.has(`${problem.nodeId}|${problem.code}|${problem.message}`),
        );
        set({ problems: [...local, ...extra] });
      },
      setDiff: (diff) => set({ diff }),
      setTestPath: (testPath) => set({ testPath }),
      setMigration: (migration) => set({ migration }),
    };
  });
}
