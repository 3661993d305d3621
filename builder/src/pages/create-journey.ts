import { api } from '../api/client';
import { navigate } from '../app/use-route';

/** The empty canvas a new journey starts with: nothing but the journey-wide defaults. */
export const EMPTY_DRAFT = { schemaVersion: 1, nodes: [], edges: [], layout: {} } as const;

/** Creates a journey on the server and opens it in the editor. */
export async function createAndOpenJourney(name: string, definition: unknown = EMPTY_DRAFT): Promise<void> {
  const created = await api.createJourney(name, definition);
  navigate({ page: 'editor', journeyId: created.id });
}
