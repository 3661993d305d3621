import { useEffect, useState } from 'react';
import type { TemplatePreview } from '../api/schemas';
import { messagesApi, type PreviewSample, type TemplateDraft } from './messages-api';

export type PreviewState =
  { status: 'loading' } | { status: 'ready'; preview: TemplatePreview } | { status: 'error'; error: unknown };

/** How long typing must pause before the preview is rendered again. */
const PAUSE_MS = 300;

/**
 * The template on screen rendered by the server a moment after each edit (unsaved), for the chosen
 * client. A newer edit aborts the older request, so the preview always matches the text on screen;
 * a Liquid or MJML error arrives as the error (a 400 naming the field).
 */
export function useLivePreview(draft: TemplateDraft, sample: PreviewSample): PreviewState {
  const text = JSON.stringify({ draft, sample });
  const [state, setState] = useState<{ text: string; state: PreviewState } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const asked = JSON.parse(text) as { draft: TemplateDraft; sample: PreviewSample };
    const timer = setTimeout(() => {
      messagesApi.previewDraft(asked.draft, asked.sample, controller.signal).then(
        (preview) => setState({ text, state: { status: 'ready', preview } }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ text, state: { status: 'error', error } });
        },
      );
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return state?.text === text ? state.state : { status: 'loading' };
}
