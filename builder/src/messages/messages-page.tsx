import { CHANNEL_KINDS, type ChannelKind } from '@touchpoint/language';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useT } from '../i18n/i18n';
import { formatChannel } from '../nodes/read-config';
import { ServerError } from '../pages/server-error';
import { messagesApi } from './messages-api';
import { blankDraft, toDraft } from './template-draft';
import { TemplateEditor } from './template-editor';
import './messages.css';

/** Every message template, by channel, each opening its editor; a new one per channel. */
function MessageList() {
  const t = useT();
  const [list, reload] = useApi(() => messagesApi.list(), 'message-templates');
  return (
    <div className="messages-page" data-testid="messages-page">
      <h1>{t('messages.title')}</h1>
      <div className="messages-new">
        {CHANNEL_KINDS.map((channel) => (
          <a
            key={channel}
            className="button"
            data-testid={`new-${channel}`}
            href={formatRoute({ page: 'newMessage', channel })}
          >
            {t('messages.new', { channel: formatChannel(channel, t) })}
          </a>
        ))}
      </div>
      {list.status === 'error' && (
        <ServerError error={list.error}>
          <button type="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </ServerError>
      )}
      {list.status === 'ready' &&
        CHANNEL_KINDS.map((channel) => {
          const items = list.data.filter((template) => template.channel === channel);
          if (items.length === 0) return null;
          return (
            <section key={channel} className="messages-channel" data-testid={`messages-${channel}`}>
              <h2>{formatChannel(channel, t)}</h2>
              <ul>
                {items.map((template) => (
                  <li key={template.id}>
                    <a href={formatRoute({ page: 'message', templateId: template.id })}>{template.name}</a>{' '}
                    <code className="muted">{template.key}</code>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
    </div>
  );
}

function StoredTemplate({ templateId }: { templateId: string }) {
  const t = useT();
  const [template] = useApi(() => messagesApi.get(templateId), `message-template-${templateId}`);
  if (template.status === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (template.status === 'error') return <ServerError error={template.error} />;
  return <TemplateEditor key={template.data.id} initial={toDraft(template.data)} stored={template.data} />;
}

/** The Messages section: the list, one template's editor, or a new template of a channel. */
export function MessagesPage({ templateId, channel }: { templateId?: string; channel?: ChannelKind }) {
  if (templateId !== undefined) return <StoredTemplate templateId={templateId} />;
  if (channel !== undefined)
    return <TemplateEditor key={channel} initial={blankDraft(channel)} stored={null} />;
  return <MessageList />;
}
