import { useEffect, useMemo } from 'react';
import { draftToCanvas } from '../canvas/convert';
import { JourneyDraft } from '../canvas/draft';
import { createEditorStore } from '../canvas/editor-store';
import { ReadOnlyCanvas } from '../canvas/read-only-canvas';
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
  return (
    <section className="migration-side">
      <h3>{title}</h3>
      <div className="migration-canvas" data-testid={testId}>
        <ReadOnlyCanvas store={store} onStepClick={onStepClick} />
      </div>
    </section>
  );
}
