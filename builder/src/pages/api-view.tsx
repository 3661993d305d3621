import type { ReactNode } from 'react';
import type { ApiState } from '../api/use-api';
import { useT } from '../i18n/i18n';
import { ServerError } from './server-error';

/** Renders loading / error (with retry) / data for one API read, the same way on every page. */
export function ApiView<T>({
  state,
  reload,
  children,
}: {
  state: ApiState<T>;
  reload: () => void;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (state.status === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (state.status === 'error') {
    return (
      <ServerError error={state.error}>
        <button type="button" onClick={reload}>
          {t('common.retry')}
        </button>
      </ServerError>
    );
  }
  return <>{children(state.data)}</>;
}
