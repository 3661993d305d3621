import type { ReactNode } from 'react';
import { describeApiError, type DescribedError } from '../api/describe-api-error';
import { useT } from '../i18n/i18n';

/** Returns `describe(error)` bound to the current language (see {@link describeApiError}). */
export function useDescribeError(): (error: unknown) => DescribedError {
  const t = useT();
  return (error) => describeApiError(error, t);
}

/**
 * A failed call to the server, in the interface language. The server's own words stay one click away
 * ("Details") in a box, or in the tooltip when shown `inline` in a toolbar. `wrap` puts the text into
 * a sentence saying what failed ("Could not resume the journey: …").
 */
export function ServerError({
  error,
  wrap = (text) => text,
  isInline = false,
  children,
}: {
  error: unknown;
  wrap?: (text: string) => string;
  isInline?: boolean;
  /** Actions offered under the box (try again). */
  children?: ReactNode;
}) {
  const t = useT();
  const { text, detail } = describeApiError(error, t);
  if (isInline) {
    return (
      <span className="error-box" role="alert" title={detail ?? undefined}>
        {wrap(text)}
      </span>
    );
  }
  return (
    <div className="error-box" role="alert" data-testid="server-error">
      <p title={detail ?? undefined}>{wrap(text)}</p>
      {detail && (
        <details>
          <summary>{t('serverError.details')}</summary>
          <code>{detail}</code>
        </details>
      )}
      {children}
    </div>
  );
}
