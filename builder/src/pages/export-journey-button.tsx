import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { downloadJourneyFile } from './journey-file';
import { ServerError } from './server-error';

/**
 * "Export": downloads the saved draft with its layout and templates. Waits for the autosave: the
 * server exports what it has, so an unsaved edit would be missing from the file.
 */
export function ExportJourneyButton({
  journeyId,
  name,
  isSaved,
}: {
  journeyId: string;
  name: string;
  isSaved: boolean;
}) {
  const t = useT();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const exportFile = () => {
    setFailure(null);
    downloadJourneyFile(journeyId, name).catch((error: unknown) => setFailure({ error }));
  };
  return (
    <>
      <button
        type="button"
        onClick={exportFile}
        disabled={!isSaved}
        title={t('journeyFile.exportTitle')}
        data-testid="export-journey"
      >
        ⇩ {t('journeyFile.export')}
      </button>
      {failure && (
        <ServerError
          error={failure.error}
          isInline
          wrap={(text) => t('journeyFile.exportFailed', { message: text })}
        />
      )}
    </>
  );
}
