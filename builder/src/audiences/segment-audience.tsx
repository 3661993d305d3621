import { useEffect, useState } from 'react';
import type { SegmentEstimate } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useT } from '../i18n/i18n';
import { segmentsApi } from '../segments/segments-api';
import { segmentDisplayName } from '../segments/segment-names';
import { ServerError } from '../pages/server-error';
import { audienceApi } from './audience-api';
import './audiences.css';

type AudienceState =
  | { status: 'loading' }
  | { status: 'ready'; estimate: SegmentEstimate }
  | { status: 'error'; error: unknown };

/** The segment's audience now, asked again whenever the segment changes (an older answer is dropped). */
function useSegmentAudience(segment: string): AudienceState {
  const [state, setState] = useState<{ segment: string; state: AudienceState } | null>(null);
  useEffect(() => {
    if (segment === '') return;
    const controller = new AbortController();
    audienceApi.estimateSegment(segment, controller.signal).then(
      (estimate) => setState({ segment, state: { status: 'ready', estimate } }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ segment, state: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [segment]);
  return state?.segment === segment ? state.state : { status: 'loading' };
}

/** "1,204 clients match now" and the first few of them, for the segment a step names. */
export function SegmentAudience({ segment }: { segment: string }) {
  const t = useT();
  const audience = useSegmentAudience(segment);
  if (segment === '') return null;
  return (
    <div className="segment-audience" data-testid="segment-audience" aria-live="polite">
      {audience.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {audience.status === 'error' && <ServerError error={audience.error} />}
      {audience.status === 'ready' && (
        <>
          <p className="audience-count" data-testid="audience-count">
            {t('audience.matchNow', { count: audience.estimate.count.toLocaleString() })}
          </p>
          {audience.estimate.sample.length > 0 && (
            <ul className="audience-sample" data-testid="audience-sample" aria-label={t('audience.sample')}>
              {audience.estimate.sample.slice(0, 5).map((member) => (
                <li key={member.clientId}>
                  <a href={`#/clients/${encodeURIComponent(member.clientId)}`}>{member.clientId}</a>
                  {member.email && <span className="muted"> {member.email}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/**
 * A segment chosen by name from every segment there is (built-in and saved), with its audience now
 * below it. A key no segment has stays shown as it is, so an imported journey's choice is not lost.
 */
export function SegmentPicker({
  label,
  value,
  onChange,
  isInvalid,
  testId = 'segment-picker',
}: {
  label: string;
  value: string;
  onChange: (segment: string) => void;
  isInvalid?: boolean;
  testId?: string;
}) {
  const t = useT();
  const [segments] = useApi(() => segmentsApi.listSegments(), 'segments');
  const items = segments.status === 'ready' ? segments.data : [];
  const isKnown = items.some((segment) => segment.key === value);
  return (
    <div className="segment-picker">
      <label className={isInvalid ? 'field invalid' : 'field'}>
        <span>{label}</span>
        <select value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('audience.chooseSegment')}</option>
          {value !== '' && !isKnown && <option value={value}>{value}</option>}
          {items.map((segment) => (
            <option key={segment.key} value={segment.key}>
              {segmentDisplayName(segment.key, t, segment.name)}
            </option>
          ))}
        </select>
      </label>
      <SegmentAudience segment={value} />
    </div>
  );
}
