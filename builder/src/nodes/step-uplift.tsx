import { useEditor } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { UpliftVerdict } from '../report/uplift/uplift-verdict';

/**
 * A step's uplift against the journey's control group, under its funnel: over the clients who reached
 * the step (held-out clients walk the same path), or "not enough data yet". Nothing when the journey
 * has no control group.
 */
export function StepUplift({ nodeId }: { nodeId: string }) {
  const t = useT();
  const answer = useEditor((state) => state.uplift?.steps[nodeId]);
  if (!answer) return null;
  return (
    <div className="step-uplift" title={t('uplift.stepTitle')}>
      Δ <UpliftVerdict answer={answer} testId={`canvas-uplift-${nodeId}`} isCompact />
    </div>
  );
}
