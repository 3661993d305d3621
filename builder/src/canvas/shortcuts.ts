import { useEffect } from 'react';
import type { EditorStore } from './editor-store';

/** What each shortcut does; shown in the toolbar tooltips. Delete / Backspace are React Flow's. */
export const SHORTCUTS = {
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Shift+Z / Ctrl+Y',
  copy: 'Ctrl+C',
  paste: 'Ctrl+V',
  selectAll: 'Ctrl+A',
  layout: 'Shift+L',
  fit: 'Shift+F',
} as const;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Editor keyboard shortcuts; ignored while the marketer types into a form field. */
export function useShortcuts(store: EditorStore, actions: { layout: () => void; fit: () => void }): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const mod = event.ctrlKey || event.metaKey;
      const state = store.getState();
      if (mod && key === 'z' && !event.shiftKey) state.undo();
      else if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) state.redo();
      else if (mod && key === 'c') state.copy();
      else if (mod && key === 'v') state.paste();
      else if (mod && key === 'a')
        state.onNodesChange(state.nodes.map((node) => ({ type: 'select', id: node.id, selected: true })));
      else if (!mod && event.shiftKey && key === 'l') actions.layout();
      else if (!mod && event.shiftKey && key === 'f') actions.fit();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, actions]);
}
