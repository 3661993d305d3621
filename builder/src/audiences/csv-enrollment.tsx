import { useState } from 'react';
import type { EnrollmentJobProgress } from '../api/schemas';
import { usePolled } from '../api/use-polled';
import { useT, type MessageKey } from '../i18n/i18n';
import { ServerError } from '../pages/server-error';
import { audienceApi } from './audience-api';
import { countCsvRows, guessIdColumn, readCsvHeader } from './client-list-text';

const REJECTION_TEXT: Record<string, MessageKey> = {
  unknownClient: 'audience.rejected.unknownClient',
  alreadyEnrolled: 'audience.rejected.alreadyEnrolled',
  duplicateRow: 'audience.rejected.duplicateRow',
};

/** The job's progress bar and, once rows fail, which and why (polled until the job is over). */
function JobProgress({ jobId, first }: { jobId: string; first: EnrollmentJobProgress }) {
  const t = useT();
  const polled = usePolled(() => audienceApi.getJob(jobId), 500);
  const job = polled.status === 'ready' ? polled.data : first;
  const percent = job.total === 0 ? 100 : Math.round((100 * job.done) / job.total);
  const isOver = job.status !== 'running';
  return (
    <div className="csv-job" data-testid="csv-job" data-status={job.status}>
      <progress
        max={100}
        value={percent}
        aria-label={t('audience.csv.progress')}
        data-testid="csv-progress"
      />
      <p role="status" data-testid="csv-summary">
        {t(isOver ? 'audience.csv.finished' : 'audience.csv.running', {
          done: job.done,
          total: job.total,
          enrolled: job.enrolled,
          failed: job.failed,
        })}
      </p>
      {job.error && <p className="error-box">{job.error}</p>}
      {job.failures.length > 0 && (
        <table className="rejected-rows" data-testid="rejected-rows">
          <caption>{t('audience.rejected.title')}</caption>
          <thead>
            <tr>
              <th>{t('audience.rejected.line')}</th>
              <th>{t('audience.rejected.client')}</th>
              <th>{t('audience.rejected.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {job.failures.map((failure) => (
              <tr key={failure.line}>
                <td>{failure.line}</td>
                <td>{failure.clientId}</td>
                <td title={failure.reason}>
                  {failure.code && failure.code in REJECTION_TEXT
                    ? t(REJECTION_TEXT[failure.code]!)
                    : failure.reason}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * Enrolling from a CSV: the file is read here only for its header, so the marketer maps the column
 * that holds CRM ids by its real name; the server reads the rows, in a job whose progress and
 * rejected rows are shown as it goes.
 */
export function CsvEnrollment({ journeyId }: { journeyId: string }) {
  const t = useT();
  const [file, setFile] = useState<{ name: string; text: string; headers: string[] } | null>(null);
  const [column, setColumn] = useState('');
  const [state, setState] = useState<
    | { status: 'idle' | 'uploading' }
    | { status: 'started'; job: EnrollmentJobProgress }
    | { status: 'error'; error: unknown }
  >({ status: 'idle' });
  const choose = (picked: File | undefined) => {
    if (!picked) return;
    void picked.text().then((text) => {
      const headers = readCsvHeader(text);
      setFile({ name: picked.name, text, headers });
      setColumn(guessIdColumn(headers) ?? '');
      setState({ status: 'idle' });
    });
  };
  const upload = () => {
    if (!file) return;
    setState({ status: 'uploading' });
    audienceApi.uploadCsv(journeyId, file.text, column).then(
      (job) => setState({ status: 'started', job }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  };
  return (
    <div className="csv-enrollment">
      <label className="field">
        <span>{t('audience.csv.file')}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="csv-file"
          onChange={(event) => choose(event.target.files?.[0])}
        />
      </label>
      {file && (
        <>
          <p className="muted">
            {t('audience.csv.rows', { name: file.name, rows: countCsvRows(file.text) })}
          </p>
          <label className="field">
            <span>{t('audience.csv.column')}</span>
            <select
              value={column}
              data-testid="csv-column"
              onChange={(event) => setColumn(event.target.value)}
            >
              {file.headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary"
            data-testid="csv-upload"
            disabled={column === '' || state.status === 'uploading' || state.status === 'started'}
            onClick={upload}
          >
            {t('audience.csv.upload')}
          </button>
        </>
      )}
      {state.status === 'error' && (
        <ServerError error={state.error} wrap={(text) => t('audience.failed', { message: text })} />
      )}
      {state.status === 'started' && <JobProgress jobId={state.job.id} first={state.job} />}
    </div>
  );
}
