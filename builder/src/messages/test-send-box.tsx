import { useState } from 'react';
import { ApiError } from '../api/client';
import { ApiErrorBody } from '../api/describe-api-error';
import type { TestSendResult } from '../api/schemas';
import { useT } from '../i18n/i18n';
import { ServerError } from '../pages/server-error';
import { messagesApi, type PreviewSample } from './messages-api';

/** A 400 on `body.to`: the address is not one the channel takes, or the provider refused it. */
function isAddressRefused(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  const body = ApiErrorBody.safeParse(error.body);
  return body.success && (body.data.issues ?? []).some((issue) => issue.path === 'body.to');
}

/**
 * Sends the saved template, rendered for the preview's client, to an address or phone the marketer
 * types, through the channel the journeys use. Marked as a test; it never counts in a report.
 */
export function TestSendBox({
  templateId,
  channel,
  sample,
  isDirty,
}: {
  templateId: string;
  channel: 'email' | 'sms';
  sample: PreviewSample;
  isDirty: boolean;
}) {
  const t = useT();
  const [to, setTo] = useState('');
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'sending' }
    | { status: 'sent'; result: TestSendResult }
    | { status: 'error'; error: unknown }
  >({ status: 'idle' });
  const send = () => {
    setState({ status: 'sending' });
    messagesApi.testSend(templateId, to.trim(), sample).then(
      (result) => setState({ status: 'sent', result }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  };
  return (
    <form
      className="test-send"
      data-testid="test-send"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <h3>{t('messages.test.title')}</h3>
      <label className="field">
        <span>{t(channel === 'email' ? 'messages.test.toEmail' : 'messages.test.toPhone')}</span>
        <input
          value={to}
          data-testid="test-send-to"
          type={channel === 'email' ? 'email' : 'tel'}
          placeholder={channel === 'email' ? 'you@company.example' : '+79991234567'}
          onChange={(event) => setTo(event.target.value)}
        />
      </label>
      <button
        type="submit"
        disabled={isDirty || to.trim() === '' || state.status === 'sending'}
        data-testid="test-send-button"
      >
        {t('messages.test.send')}
      </button>
      {isDirty && <p className="muted small">{t('messages.test.saveFirst')}</p>}
      {state.status === 'sent' && (
        <p className="ok" role="status" data-testid="test-send-result">
          {t('messages.test.sent', { to: state.result.to })}
        </p>
      )}
      {state.status === 'error' &&
        (isAddressRefused(state.error) ? (
          <p className="error-box" role="alert" data-testid="test-send-refused">
            {t(channel === 'email' ? 'messages.test.badEmail' : 'messages.test.badPhone')}
          </p>
        ) : (
          <ServerError error={state.error} wrap={(text) => t('messages.test.failed', { message: text })} />
        ))}
    </form>
  );
}
