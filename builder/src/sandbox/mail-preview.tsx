import type { SandboxMail } from '../api/schemas';
import { useT } from '../i18n/i18n';
import { toSafePreviewHtml } from './safe-mail-html';
import { useFormatTime } from './use-format-time';

/**
 * One received mail: its envelope, the HTML part rendered in a sandboxed frame (no scripts, no
 * network, no access to the builder) and the plain-text part clients without HTML get.
 */
export function MailPreview({ mail }: { mail: SandboxMail }) {
  const t = useT();
  const formatTime = useFormatTime();
  return (
    <article className="mail-preview" data-testid="mail-preview">
      <h2>{mail.subject || t('sandbox.noSubject')}</h2>
      <dl className="mail-envelope">
        <dt>{t('sandbox.from')}</dt>
        <dd>{mail.from}</dd>
        <dt>{t('sandbox.to')}</dt>
        <dd>{mail.to.join(', ')}</dd>
        <dt>{t('sandbox.received')}</dt>
        <dd>{formatTime(mail.receivedAt)}</dd>
      </dl>
      {mail.html !== null ? (
        <>
          <iframe
            className="mail-frame"
            title={t('sandbox.htmlPart')}
            sandbox=""
            srcDoc={toSafePreviewHtml(mail.html)}
            data-testid="mail-html"
          />
          <p className="muted small">{t('sandbox.imagesBlocked')}</p>
        </>
      ) : (
        <p className="muted">{t('sandbox.noHtml')}</p>
      )}
      <details className="mail-text" open={mail.html === null}>
        <summary>{t('sandbox.textPart')}</summary>
        <pre data-testid="mail-text">{mail.text}</pre>
      </details>
    </article>
  );
}
