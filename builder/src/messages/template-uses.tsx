import { useState } from 'react';
import { ApiError } from '../api/client';
import type { TemplateUser } from '../api/schemas';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useT } from '../i18n/i18n';
import { ServerError } from '../pages/server-error';
import { messagesApi } from './messages-api';

/** "Win-back (version 3, draft): Come back mail" for one journey that sends the template. */
function UserLine({ user }: { user: TemplateUser }) {
  const t = useT();
  const where = [
    user.publishedVersion === null ? null : t('messages.uses.version', { version: user.publishedVersion }),
    user.isInDraft ? t('messages.uses.draft') : null,
  ].filter((part) => part !== null);
  return (
    <li>
      <a href={formatRoute({ page: 'editor', journeyId: user.journeyId })}>{user.name}</a> ({where.join(', ')}
      ): {user.steps.join(', ')}
    </li>
  );
}

/**
 * The journeys that send this template, and its delete button. The server refuses to delete a template
 * a journey sends (409); the list then says which journeys to change first, in the marketer's words.
 */
export function TemplateUses({ templateId, onDeleted }: { templateId: string; onDeleted: () => void }) {
  const t = useT();
  const [uses, reload] = useApi(() => messagesApi.uses(templateId), `uses-${templateId}`);
  // Confirmed in the page, not by window.confirm: a native dialog blocks the page and its tests.
  const [deleteState, setDeleteState] = useState<
    { status: 'idle' | 'confirming' | 'refused' } | { status: 'error'; error: unknown }
  >({
    status: 'idle',
  });
  const remove = () => {
    setDeleteState({ status: 'idle' });
    messagesApi.remove(templateId).then(onDeleted, (error: unknown) => {
      if (error instanceof ApiError && error.status === 409) {
        setDeleteState({ status: 'refused' });
        reload();
      } else setDeleteState({ status: 'error', error });
    });
  };
  const users = uses.status === 'ready' ? uses.data : [];
  return (
    <section className="template-uses" data-testid="template-uses">
      <h3>{t('messages.uses.title')}</h3>
      {uses.status === 'ready' && users.length === 0 && <p className="muted">{t('messages.uses.none')}</p>}
      {users.length > 0 && (
        <ul>
          {users.map((user) => (
            <UserLine key={user.journeyId} user={user} />
          ))}
        </ul>
      )}
      {/* After a refusal the list is read again; the refusal shows with the fresh list, which it counts. */}
      {deleteState.status === 'refused' && uses.status === 'ready' && (
        <p className="error-box" role="alert" data-testid="delete-refused">
          {t('messages.delete.refused', { count: users.length })}
        </p>
      )}
      {deleteState.status === 'error' && <ServerError error={deleteState.error} />}
      {deleteState.status === 'confirming' ? (
        <p className="delete-confirm" data-testid="delete-confirm">
          {t('messages.delete.confirm')}{' '}
          <button type="button" className="danger" data-testid="delete-template-confirm" onClick={remove}>
            {t('messages.delete')}
          </button>{' '}
          <button type="button" onClick={() => setDeleteState({ status: 'idle' })}>
            {t('common.cancel')}
          </button>
        </p>
      ) : (
        <button
          type="button"
          className="danger"
          data-testid="delete-template"
          onClick={() => setDeleteState({ status: 'confirming' })}
        >
          {t('messages.delete')}
        </button>
      )}
    </section>
  );
}
