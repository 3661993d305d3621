import type { JourneyPlan, NodeMap } from '@touchpoint/language';
import { countArrivals, drawnStepOf, listLandingSteps, sumByDrawnStep } from './migration-model';

/**
 * What a step shows on the migration screen's canvases, by drawn step id. On the old version: who waits
 * there, where they go (labels; empty: they stay), whether it is the step picked to map, and its
 * problems in the marketer's words. On the new version: each wait, with how many arrive under the map.
 */
export type StepMigrationMark =
  | {
      side: 'from';
      waiting: number;
      goesTo: string[];
      fromVersion: number;
      isPicked: boolean;
      problems: string[];
    }
  | { side: 'to'; arriving: number; isChoosable: boolean };

/** Everything the marks are drawn from. */
export interface MigrationMarksInput {
  from: JourneyPlan;
  to: JourneyPlan;
  fromVersion: number;
  /** Clients waiting per plan node of the old version (the dry run's counts). */
  waiting: Readonly<Record<string, number>>;
  nodeMap: NodeMap;
  /** The old version's drawn step the marketer clicked and has not mapped yet. */
  pickedStep: string | null;
  /** The last check's problems, already in the marketer's words, by the plan node they are on. */
  problems: readonly { nodeId: string | null; text: string }[];
  labelTo: (planNodeId: string) => string;
}

/** Marks of the old version's steps with waiting clients (or a problem). */
export function markFromSteps(input: MigrationMarksInput): Record<string, StepMigrationMark> {
  const { from, waiting, nodeMap } = input;
  const marks: Record<string, StepMigrationMark> = {};
  const mark = (drawn: string) => {
    const existing = marks[drawn];
    if (existing?.side === 'from') return existing;
    const created = {
      side: 'from' as const,
      waiting: 0,
      goesTo: [],
      fromVersion: input.fromVersion,
      isPicked: drawn === input.pickedStep,
      problems: [],
    };
    marks[drawn] = created;
    return created;
  };
  for (const [drawn, count] of Object.entries(sumByDrawnStep(from, waiting))) {
    if (count > 0) mark(drawn).waiting = count;
  }
  for (const [source, target] of Object.entries(nodeMap)) {
    const goesTo = mark(drawnStepOf(from, source)).goesTo;
    const label = input.labelTo(target);
    if (!goesTo.includes(label)) goesTo.push(label);
  }
  for (const problem of input.problems) {
    if (problem.nodeId !== null) mark(drawnStepOf(from, problem.nodeId)).problems.push(problem.text);
  }
  return marks;
}

/** Marks of the new version's waits: where mapped clients arrive, clickable while a step is picked. */
export function markToSteps(input: MigrationMarksInput): Record<string, StepMigrationMark> {
  const arrivals = sumByDrawnStep(input.to, countArrivals(input.nodeMap, input.waiting));
  const marks: Record<string, StepMigrationMark> = {};
  for (const { drawnNodeId } of listLandingSteps(input.to)) {
    marks[drawnNodeId] = {
      side: 'to',
      arriving: arrivals[drawnNodeId] ?? 0,
      isChoosable: input.pickedStep !== null,
    };
  }
  return marks;
}
