import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useAuthStore } from '../auth/auth-store';
import { canvasToDraft } from '../canvas/convert';
import type { EditorStore } from '../canvas/editor-store';

/** Where the draft stands against the server. */
export type SaveState =
  { status: 'saved' } | { status: 'saving' } | { status: 'dirty' } | { status: 'failed'; error: unknown };

const DEBOUNCE_MS = 700;

/**
 * Saves the draft a moment after the last edit: every canvas change bumps the store's revision,
 * and a new journey name counts as an edit too. Saves never overlap out of order: each one sends
 * the state as it is when the timer fires.
 */
export function useAutosave(store: EditorStore, journeyId: string, name: string): SaveState {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const nameRef = useRef(name);
  const scheduleRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let edits = 0;
    const save = () => {
      const savedEdits = edits;
      setState({ status: 'saving' });
      api.saveDraft(journeyId, nameRef.current, canvasToDraft(store.getState())).then(
        () => setState(edits === savedEdits ? { status: 'saved' } : { status: 'dirty' }),
        (error: unknown) => setState({ status: 'failed', error }),
      );
    };
    const schedule = () => {
      edits += 1;
      setState({ status: 'dirty' });
      clearTimeout(timer);
      timer = setTimeout(save, DEBOUNCE_MS);
    };
    scheduleRef.current = schedule;
    let lastRevision = store.getState().revision;
    const unsubscribe = store.subscribe((next) => {
      if (next.revision === lastRevision) return;
      lastRevision = next.revision;
      schedule();
    });
    // A save refused for a stale key is tried again once the marketer signs in again.
    const unsubscribeAuth = useAuthStore.subscribe((auth, previous) => {
      if (previous.apiKey === null && auth.apiKey !== null) schedule();
    });
    return () => {
      unsubscribe();
      unsubscribeAuth();
      clearTimeout(timer);
    };
  }, [store, journeyId]);

  useEffect(() => {
    if (nameRef.current === name) return;
    nameRef.current = name;
    scheduleRef.current();
  }, [name]);

  return state;
}
