import { useEditor } from '../canvas/editor-context';
import { useLocaleStore, useT } from '../i18n/i18n';
import { formatDuration, formatPercent } from '../report/format-figure';
import { useDurationUnits } from '../report/report-table-view';

/**
 * A step's funnel from the report, under its counts: reached, delivered, each action that happened
 * (count and rate of the step's sends), conversions and the median time to convert from the step.
 */
export function StepFunnel({ nodeId }: { nodeId: string }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const units = useDurationUnits();
  const node = useEditor((state) => state.funnel?.nodes[nodeId]);
  const actions = useEditor((state) => state.funnel?.actions);
  if (!node || !actions) return null;
  const label = (action: string) => actions.find((rule) => rule.action === action)?.labels[locale] ?? action;
  const happened = node.actions.filter((level) => level.count > 0);
  return (
    <div className="step-funnel" data-testid={`funnel-${nodeId}`}>
      <div className="step-funnel-line">
        <span title={t('report.reached')}>◉ {node.reached}</span>
        {node.sent > 0 && <span title={t('report.col.delivered')}>✓ {node.delivered}</span>}
        <span title={t('report.col.converted')}>★ {node.converted}</span>
        {node.medianSecondsToConvert !== null && (
          <span title={t('report.col.median')}>
            {t('stats.median')} {formatDuration(node.medianSecondsToConvert, locale, units)}
          </span>
        )}
      </div>
      {happened.length > 0 && (
        <div className="step-funnel-actions">
          {happened.map((level) => (
            <span key={level.action} data-action={level.action}>
              {label(level.action)} {level.count} ({formatPercent(level.rate, locale)})
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
