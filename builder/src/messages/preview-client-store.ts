import { create } from 'zustand';

interface PreviewClientState {
  clientId: string;
  setClientId: (clientId: string) => void;
}

/**
 * The client templates are previewed and test-sent for, kept while the marketer moves between
 * templates (saving a new one opens it afresh): chosen once, it stays until changed.
 */
export const usePreviewClientStore = create<PreviewClientState>((set) => ({
  clientId: '',
  setClientId: (clientId) => set({ clientId }),
}));
