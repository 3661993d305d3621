import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './editor-store';

/** The open journey's store, provided by the editor page to the canvas, nodes and forms. */
export const EditorContext = createContext<EditorStore | null>(null);

/** Reads from the open journey's store; selectors must return stable values (no fresh arrays). */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor must be used inside <EditorContext.Provider>');
  return useStore(store, selector);
}

/** The store itself, for event handlers that act on the latest state. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorContext.Provider>');
  return store;
}
