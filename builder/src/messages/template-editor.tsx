import { useState } from 'react';
import type { TemplateDetail } from '../api/schemas';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatChannel } from '../nodes/read-config';
import { formatRoute } from '../app/routes';
import { useT } from '../i18n/i18n';
import { ServerError } from '../pages/server-error';
import { clientAttributeVariables, LIQUID_VARIABLES } from './liquid-completion';
import { LiquidTextarea } from './liquid-textarea';
import { messagesApi, type PreviewSample, type TemplateDraft } from './messages-api';
import { TemplatePreviewPane } from './template-preview';
import { TemplateUses } from './template-uses';
import { usePreviewClientStore } from './preview-client-store';
import { TestSendBox } from './test-send-box';
import { useLivePreview } from './use-live-preview';

/** The real client the preview renders for (by CRM id), and that client's own attributes as variables. */
function usePreviewClient(clientId: string) {
  const id = clientId.trim();
  const [card] = useApi(() => (id ? api.getClient(id) : Promise.resolve(null)), `preview-client-${id}`);
  const attributes = card.status === 'ready' && card.data !== null ? card.data.attributes : {};
  return {
    sample: (id ? { clientId: id } : {}) as PreviewSample,
    variables: [...LIQUID_VARIABLES, ...clientAttributeVariables(attributes)],
    isUnknown: card.status === 'error',
  };
}

function ChannelFields({
  draft,
  setDraft,
  variables,
}: {
  draft: TemplateDraft;
  setDraft: (draft: TemplateDraft) => void;
  variables: string[];
}) {
  const t = useT();
  if (draft.channel === 'email')
    return (
      <>
        <LiquidTextarea
          label={t('messages.field.subject')}
          testId="template-subject"
          isSingleLine
          value={draft.subject}
          variables={variables}
          onChange={(subject) => setDraft({ ...draft, subject })}
        />
        <label className="field">
          <span>{t('messages.field.format')}</span>
          <select
            value={draft.format}
            onChange={(event) => setDraft({ ...draft, format: event.target.value as 'mjml' | 'html' })}
          >
            <option value="mjml">MJML</option>
            <option value="html">HTML</option>
          </select>
        </label>
      </>
    );
  return null;
}

const BODY_LABEL = {
  email: 'messages.field.mail',
  sms: 'messages.field.text',
  call: 'messages.field.script',
  webhook: 'messages.field.webhook',
} as const;

/**
 * One template: its fields with Liquid completion on the left, the live preview for a chosen client on
 * the right, then the test send and who uses it. Saving creates or replaces the stored template.
 */
export function TemplateEditor({
  initial,
  stored,
}: {
  initial: TemplateDraft;
  stored: TemplateDetail | null;
}) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const clientId = usePreviewClientStore((state) => state.clientId);
  const setClientId = usePreviewClientStore((state) => state.setClientId);
  const [saveState, setSaveState] = useState<
    { status: 'idle' | 'saving' | 'saved' } | { status: 'error'; error: unknown }
  >({ status: 'idle' });
  const client = usePreviewClient(clientId);
  const preview = useLivePreview(draft, client.sample);
  const isDirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const save = () => {
    setSaveState({ status: 'saving' });
    const request = stored ? messagesApi.update(stored.id, draft) : messagesApi.create(draft);
    request.then(
      (row) => {
        setSaved(draft);
        setSaveState({ status: 'saved' });
        if (!stored) window.location.hash = formatRoute({ page: 'message', templateId: row.id });
      },
      (error: unknown) => setSaveState({ status: 'error', error }),
    );
  };
  return (
    <div className="template-editor" data-testid="template-editor" data-channel={draft.channel}>
      <form
        className="template-fields"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <h1>
          {formatChannel(draft.channel, t)}: {draft.name || t('messages.untitled')}
        </h1>
        <label className="field">
          <span>{t('messages.field.name')}</span>
          <input
            value={draft.name}
            data-testid="template-name"
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('messages.field.key')}</span>
          <input
            value={draft.key}
            data-testid="template-key"
            readOnly={stored !== null}
            onChange={(event) => setDraft({ ...draft, key: event.target.value })}
          />
        </label>
        <ChannelFields draft={draft} setDraft={setDraft} variables={client.variables} />
        <LiquidTextarea
          label={t(BODY_LABEL[draft.channel])}
          testId="template-body"
          rows={draft.channel === 'sms' ? 5 : 14}
          value={draft.body}
          variables={client.variables}
          onChange={(body) => setDraft({ ...draft, body })}
        />
        <div className="template-actions">
          <button
            type="submit"
            className="primary"
            data-testid="save-template"
            disabled={saveState.status === 'saving'}
          >
            {t('common.save')}
          </button>
          {saveState.status === 'saved' && !isDirty && (
            <span className="ok" role="status">
              {t('messages.saved')}
            </span>
          )}
        </div>
        {saveState.status === 'error' && (
          <ServerError error={saveState.error} wrap={(text) => t('messages.saveFailed', { message: text })} />
        )}
      </form>
      <aside className="template-side">
        <label className="field">
          <span>{t('messages.previewAs')}</span>
          <input
            value={clientId}
            data-testid="preview-client"
            placeholder={t('messages.previewAs.sample')}
            onChange={(event) => setClientId(event.target.value)}
          />
        </label>
        <TemplatePreviewPane state={preview} />
        {stored && (draft.channel === 'email' || draft.channel === 'sms') && (
          <TestSendBox
            templateId={stored.id}
            channel={draft.channel}
            sample={client.sample}
            isDirty={isDirty}
          />
        )}
        {stored && (
          <TemplateUses
            templateId={stored.id}
            onDeleted={() => (window.location.hash = formatRoute({ page: 'messages' }))}
          />
        )}
      </aside>
    </div>
  );
}
