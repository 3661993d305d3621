import { useState } from 'react';
import { countSmsSegments } from '@touchpoint/language';
import type { TemplatePreview } from '../api/schemas';
import { useT } from '../i18n/i18n';
import { ServerError } from '../pages/server-error';
import { toSafePreviewHtml } from '../sandbox/safe-mail-html';
import type { PreviewState } from './use-live-preview';

/** The widths a mail is looked at: a desktop client's reading pane and a phone held upright. */
export const PREVIEW_WIDTHS = { desktop: 640, mobile: 375 } as const;
type PreviewWidth = keyof typeof PREVIEW_WIDTHS;

/** How an SMS text is billed, in words: "2 SMS · Unicode (UCS-2) · 130 characters, 4 left". */
export function SmsCount({ text }: { text: string }) {
  const t = useT();
  const count = countSmsSegments(text);
  return (
    <p className="sms-count" data-testid="sms-count" data-encoding={count.encoding}>
      {t('messages.sms.count', {
        segments: count.segments,
        encoding: t(`messages.sms.encoding.${count.encoding}`),
        units: count.units,
        remaining: count.remaining,
      })}
    </p>
  );
}

function EmailPreview({ preview }: { preview: Extract<TemplatePreview, { channel: 'email' }> }) {
  const t = useT();
  const [width, setWidth] = useState<PreviewWidth>('desktop');
  return (
    <>
      <div className="preview-widths" role="group" aria-label={t('messages.preview.width')}>
        {(Object.keys(PREVIEW_WIDTHS) as PreviewWidth[]).map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={name === width}
            className={name === width ? 'active' : undefined}
            data-testid={`preview-${name}`}
            onClick={() => setWidth(name)}
          >
            {t(`messages.preview.${name}`)} · {PREVIEW_WIDTHS[name]}px
          </button>
        ))}
      </div>
      <p className="preview-subject" data-testid="preview-subject">
        {preview.subject}
      </p>
      {/* No scripts, no network (the open pixel would count our own look as an open). */}
      <iframe
        className="preview-frame"
        title={t('messages.preview.title')}
        sandbox=""
        style={{ width: PREVIEW_WIDTHS[width] }}
        srcDoc={toSafePreviewHtml(preview.html)}
        data-testid="preview-frame"
        data-width={PREVIEW_WIDTHS[width]}
      />
    </>
  );
}

/** The rendered message as the client would get it, per channel. */
export function RenderedMessage({ preview }: { preview: TemplatePreview }) {
  switch (preview.channel) {
    case 'email':
      return <EmailPreview preview={preview} />;
    case 'sms':
      return (
        <>
          <p className="sms-bubble" data-testid="preview-text">
            {preview.text}
          </p>
          <SmsCount text={preview.text} />
        </>
      );
    case 'call':
      return (
        <pre className="call-script" data-testid="preview-text">
          {preview.text}
        </pre>
      );
    case 'webhook':
      return (
        <pre className="webhook-payload" data-testid="preview-text">
          POST {preview.url}
          {'\n'}
          {JSON.stringify(preview.payload, null, 2)}
        </pre>
      );
    default: {
      const unhandled: never = preview;
      return unhandled;
    }
  }
}

/** The live preview: loading, the rendered message, or why it does not render yet. */
export function TemplatePreviewPane({ state }: { state: PreviewState }) {
  const t = useT();
  return (
    <section className="template-preview" data-testid="template-preview" aria-live="polite">
      <h2>{t('messages.preview.title')}</h2>
      {state.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.status === 'error' && (
        <ServerError error={state.error} wrap={(text) => t('messages.preview.failed', { message: text })} />
      )}
      {state.status === 'ready' && <RenderedMessage preview={state.preview} />}
    </section>
  );
}
