import { useState } from 'react';
import type { ManualEnrollmentResult } from '../api/schemas';
import { useT, type MessageKey } from '../i18n/i18n';
import { ServerError } from '../pages/server-error';
import { TabButton } from '../pages/tab-button';
import { audienceApi } from './audience-api';
import { parseClientIdList } from './client-list-text';
import { CsvEnrollment } from './csv-enrollment';
import './audiences.css';

const OUTCOME_TEXT: Record<string, MessageKey> = {
  enrolled: 'audience.outcome.enrolled',
  alreadyEnrolled: 'audience.rejected.alreadyEnrolled',
  unknownClient: 'audience.rejected.unknownClient',
};

/** Enrolling clients by their CRM ids, typed or pasted; each id's outcome in words. */
function ManualEnrollment({ journeyId }: { journeyId: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [state, setState] = useState<
    | { status: 'idle' | 'working' }
    | { status: 'done'; result: ManualEnrollmentResult }
    | { status: 'error'; error: unknown }
  >({ status: 'idle' });
  const ids = parseClientIdList(text);
  const enroll = () => {
    setState({ status: 'working' });
    audienceApi.enroll(journeyId, ids).then(
      (result) => setState({ status: 'done', result }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  };
  return (
    <form
      className="manual-enrollment"
      onSubmit={(event) => {
        event.preventDefault();
        enroll();
      }}
    >
      <label className="field">
        <span>{t('audience.manual.ids')}</span>
        <textarea
          rows={4}
          value={text}
          data-testid="manual-ids"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button
        type="submit"
        className="primary"
        data-testid="manual-enroll"
        disabled={ids.length === 0 || state.status === 'working'}
      >
        {t('audience.manual.enroll', { count: ids.length })}
      </button>
      {state.status === 'error' && (
        <ServerError error={state.error} wrap={(message) => t('audience.failed', { message })} />
      )}
      {state.status === 'done' && (
        <div role="status" data-testid="manual-result">
          <p className="success">
            {t('audience.manual.done', {
              enrolled: state.result.enrolled,
              version: state.result.journeyVersion,
            })}
          </p>
          <ul>
            {state.result.items
              .filter((item) => item.outcome !== 'enrolled')
              .map((item) => (
                <li key={item.clientId}>
                  {item.clientId}:{' '}
                  {OUTCOME_TEXT[item.outcome] ? t(OUTCOME_TEXT[item.outcome]!) : item.outcome}
                </li>
              ))}
          </ul>
        </div>
      )}
    </form>
  );
}

/** "Enroll clients" from the editor of a live journey: by hand, or from a CSV with column mapping. */
export function EnrollDialog({ journeyId, onClose }: { journeyId: string; onClose: () => void }) {
  const t = useT();
  const [tab, setTab] = useState<'manual' | 'csv'>('manual');
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label={t('audience.enroll.title')}>
      <div className="dialog enroll-dialog">
        <h2>{t('audience.enroll.title')}</h2>
        <div className="enroll-tabs" role="tablist">
          {(['manual', 'csv'] as const).map((name) => (
            <TabButton key={name} isSelected={tab === name} onSelect={() => setTab(name)}>
              {t(`audience.tab.${name}`)}
            </TabButton>
          ))}
        </div>
        {tab === 'manual' ? (
          <ManualEnrollment journeyId={journeyId} />
        ) : (
          <CsvEnrollment journeyId={journeyId} />
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
