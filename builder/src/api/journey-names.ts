import { useEffect } from 'react';
import { create } from 'zustand';
import { api } from './client';

interface JourneyNamesState {
  /** Every journey's name by id, once loaded; `null` until the first answer. */
  names: Record<string, string> | null;
  isLoading: boolean;
  /** Loads the names unless they are loaded or loading; with `fresh`, reads them again anyway. */
  load: (fresh?: boolean) => void;
}

/**
 * The journeys' names, read once per page load and shared: a canvas of many hand-over steps asks the
 * server one time, not once per step. Saving a journey elsewhere is rare enough that a reload is fine.
 */
export const useJourneyNamesStore = create<JourneyNamesState>((set, get) => ({
  names: null,
  isLoading: false,
  load: (fresh = false) => {
    if (get().isLoading || (get().names !== null && !fresh)) return;
    set({ isLoading: true });
    api.listJourneys().then(
      (journeys) =>
        set({
          names: Object.fromEntries(journeys.map((journey) => [journey.id, journey.name])),
          isLoading: false,
        }),
      // Without names the step shows the id it has; the next mount tries again.
      () => set({ isLoading: false }),
    );
  },
}));

/**
 * The journeys' names by id, asking the server the first time any component needs them; a picker asks
 * `fresh`, so a journey created since the canvas opened is there to choose.
 */
export function useJourneyNames({ fresh = false }: { fresh?: boolean } = {}): Record<string, string> {
  const names = useJourneyNamesStore((state) => state.names);
  const load = useJourneyNamesStore((state) => state.load);
  useEffect(() => load(fresh), [load, fresh]);
  return names ?? {};
}
