import { useRef, useState } from 'react';
import { navigate } from '../app/use-route';
import { useT } from '../i18n/i18n';
import { importJourneyFile, NotAJourneyFileError } from './journey-file';
import { ServerError } from './server-error';

/**
 * "Import a journey": pick a file exported from Touchpoint (here or on another install); the new
 * draft opens in the editor. The server checks the file and names what is wrong with it.
 */
export function ImportJourneyButton({ onFailure }: { onFailure: (failure: ImportFailure | null) => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [isImporting, setImporting] = useState(false);
  const pick = (file: File | undefined) => {
    if (!file) return;
    onFailure(null);
    setImporting(true);
    importJourneyFile(file).then(
      (journey) => navigate({ page: 'editor', journeyId: journey.id }),
      (error: unknown) => {
        onFailure({ file: file.name, error });
        setImporting(false);
      },
    );
    // The same file chosen again after a fix is a change too.
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <button
        type="button"
        disabled={isImporting}
        onClick={() => input.current?.click()}
        data-testid="import-journey"
      >
        ⇪ {t('journeyFile.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-journey-file"
        onChange={(event) => pick(event.target.files?.[0])}
      />
    </>
  );
}

/** A file the marketer chose that did not import, and why. */
export interface ImportFailure {
  file: string;
  error: unknown;
}

/** Why the chosen file did not import: not JSON at all, or the server's words about it. */
export function ImportFailureBox({ failure }: { failure: ImportFailure }) {
  const t = useT();
  if (failure.error instanceof NotAJourneyFileError) {
    return (
      <div className="error-box" role="alert">
        <p>{t('journeyFile.importFailed', { file: failure.file, message: t('journeyFile.notAFile') })}</p>
      </div>
    );
  }
  return (
    <ServerError
      error={failure.error}
      wrap={(text) => t('journeyFile.importFailed', { file: failure.file, message: text })}
    />
  );
}
