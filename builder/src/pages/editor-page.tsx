import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { draftToCanvas, isMissingLayout } from '../canvas/convert';
import { JourneyDraft } from '../canvas/draft';
import { EditorContext } from '../canvas/editor-context';
import { createEditorStore } from '../canvas/editor-store';
import type { JourneyDetail } from '../api/schemas';
import { ApiView } from './api-view';
import { ServerError } from './server-error';
import { EditorWorkspace } from './editor-workspace';

/** Loads one journey and opens it in the editor. */
export function EditorPage({ journeyId }: { journeyId: string }) {
  const [journey, reload] = useApi(() => api.getJourney(journeyId), journeyId);
  return (
    <ApiView state={journey} reload={reload}>
      {(detail) => <LoadedEditor detail={detail} />}
    </ApiView>
  );
}

function LoadedEditor({ detail }: { detail: JourneyDetail }) {
  const parsed = useMemo(() => JourneyDraft.safeParse(detail.draft), [detail.draft]);
  const store = useMemo(
    () => (parsed.success ? createEditorStore(draftToCanvas(parsed.data)) : null),
    [parsed],
  );
  if (!store) {
    return <ServerError error={parsed.error} />;
  }
  return (
    <EditorContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorWorkspace detail={detail} layoutOnOpen={parsed.success && isMissingLayout(parsed.data)} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
