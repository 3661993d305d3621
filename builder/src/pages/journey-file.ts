import { api } from '../api/client';

/** The file name a journey downloads as: its name made safe for any file system, then `.journey.json`. */
export function journeyFileName(name: string): string {
  const safe = [...name.normalize('NFKC')]
    // Control characters (below a space) and the characters some file system forbids become spaces.
    .map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? ' ' : char))
    .join('')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${safe || 'journey'}.journey.json`;
}

/**
 * Downloads the journey's saved draft with its templates (`GET /v1/journeys/:id/export`) as a file:
 * a Blob behind a link with `download`, clicked. The link's URL is freed a while later, not at
 * once: the browser reads the Blob after the click returns.
 */
export async function downloadJourneyFile(journeyId: string, name: string): Promise<void> {
  const file = await api.exportJourney(journeyId);
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = journeyFileName(name);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Why a chosen file is not imported before the server sees it: it is not JSON at all. */
export class NotAJourneyFileError extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} is not JSON`);
    this.name = 'NotAJourneyFileError';
  }
}

/** Reads a chosen file and imports it (`POST /v1/journeys/import`); the server checks its shape. */
export async function importJourneyFile(file: File): Promise<{ id: string; name: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new NotAJourneyFileError(file.name);
  }
  return api.importJourney(parsed);
}
