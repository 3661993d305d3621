import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { canvasToDraft } from '../canvas/convert';
import type { EditorStore } from '../canvas/editor-store';

/** Where the draft stands against the server. */
export type SaveState =
  { status: 'saved' } | { status: 'saving' } | { status: 'dirty' } | { status: 'failed'; message: string };

const DEBOUNCE_MS = 700;

/** Saves the draft a moment after the last edit (every change bumps the store's revision). */
export function useAutosave(store: EditorStore, journeyId: string, name: string): SaveState {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRevision = store.getState().revision;
    const save = () => {
      setState({ status: 'saving' });
      api.saveDraft(journeyId, name, canvasToDraft(store.getState())).then(
        () =>
          setState(store.getState().revision === lastRevision ? { status: 'saved' } : { status: 'dirty' }),
        (error: unknown) =>
          setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    const unsubscribe = store.subscribe((next) => {
      if (next.revision === lastRevision) return;
      lastRevision = next.revision;
      setState({ status: 'dirty' });
      clearTimeout(timer);
      timer = setTimeout(save, DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, journeyId, name]);
  return state;
}
