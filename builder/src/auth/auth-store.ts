import { create } from 'zustand';
import { takeKeyFromHash } from './key-in-url';

/** Where the API key is kept in the browser (the API wants `authorization: Bearer <key>`). */
export const API_KEY_STORAGE = 'touchpoint.apiKey';

interface AuthState {
  /** The key every API call sends; null shows the sign-in screen. */
  apiKey: string | null;
  /** True when the server answered 401 to the key we had: the sign-in screen says why. */
  wasRejected: boolean;
  /**
   * True once the server accepted a call in this visit. A key refused after that (the server
   * restarted with a new one) asks for a key over the page, keeping unsaved work underneath.
   */
  hasWorked: boolean;
  markWorking: () => void;
  signIn: (apiKey: string) => void;
  signOut: () => void;
  /** The server refused the key: forget it so a reload does not try it again. */
  reject: () => void;
}

function readStoredKey(): string | null {
  if (typeof localStorage === 'undefined') return null;
  return localStorage.getItem(API_KEY_STORAGE) || null;
}

function storeKey(apiKey: string | null): void {
  if (typeof localStorage === 'undefined') return;
  if (apiKey === null) localStorage.removeItem(API_KEY_STORAGE);
  else localStorage.setItem(API_KEY_STORAGE, apiKey);
}

/** Who the builder talks to the API as. */
export const useAuthStore = create<AuthState>((set) => ({
  apiKey: readStoredKey(),
  wasRejected: false,
  hasWorked: false,
  markWorking: () => set({ hasWorked: true }),
  signIn: (apiKey) => {
    storeKey(apiKey);
    set({ apiKey, wasRejected: false });
  },
  signOut: () => {
    storeKey(null);
    set({ apiKey: null, wasRejected: false, hasWorked: false });
  },
  reject: () => {
    storeKey(null);
    set({ apiKey: null, wasRejected: true });
  },
}));

/** Stores a key arriving in the address bar and removes it from there (and from history). */
function takeKeyFromLocation(): void {
  const { key, hash } = takeKeyFromHash(window.location.hash);
  if (key === null) return;
  useAuthStore.getState().signIn(key);
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${hash || '#/'}`);
}

/**
 * Accepts the sign-in link on load and when it is pasted into an open tab (a hash change, no
 * reload). Call once before the first render, so pages never see the key in the URL.
 */
export function acceptKeyFromUrl(): void {
  takeKeyFromLocation();
  window.addEventListener('hashchange', takeKeyFromLocation);
}
