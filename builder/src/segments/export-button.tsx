import { useState } from 'react';
import { ApiError, fetchWithKey, readBody } from '../api/client';
import { useAuthStore } from '../auth/auth-store';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ServerError } from '../pages/server-error';
import { saveFile } from '../report/save-file';
import { formatCount } from './format-segment-figure';
import { segmentEndpoints } from './segments-api';

type ExportState =
  | { status: 'idle' }
  | { status: 'running'; rows: number; total: number }
  | { status: 'done'; rows: number }
  | { status: 'failed'; error: unknown };

/** Newlines in a chunk of the CSV stream: one per row (the header line included). */
function countLines(chunk: Uint8Array): number {
  let lines = 0;
  for (const byte of chunk) if (byte === 10) lines += 1;
  return lines;
}

/**
 * Downloads a segment as the retargeting CSV. The server streams the rows and says how many up front
 * (`x-total-rows`), so the bar counts the rows as they arrive rather than guessing from bytes (hashes
 * make every row the same width, but a missing email or phone does not).
 */
export function ExportButton({ segmentId, fileName }: { segmentId: string; fileName: string }) {
  const t = useT();
  const locale = useLocaleStore((store) => store.locale);
  const count = (value: number) => formatCount(value, locale);
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  const run = async () => {
    setState({ status: 'running', rows: 0, total: 0 });
    try {
      const response = await fetchWithKey(
        segmentEndpoints.exportCsv(segmentId),
        useAuthStore.getState().apiKey,
      );
      if (!response.ok || !response.body) {
        const body = await readBody(response);
        const message =
          typeof body === 'object' && body !== null && 'message' in body
            ? String(body.message)
            : response.statusText;
        throw new ApiError(response.status, message, body);
      }
      const total = Number(response.headers.get('x-total-rows') ?? 0);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        lines += countLines(value);
        setState({ status: 'running', rows: Math.max(0, lines - 1), total });
      }
      saveFile(fileName, new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }));
      setState({ status: 'done', rows: Math.max(0, lines - 1) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };

  return (
    <div className="segment-export" data-testid="segment-export">
      <button type="button" onClick={() => void run()} disabled={state.status === 'running'}>
        {t('segments.export.button')}
      </button>
      {state.status === 'running' && (
        <span className="segment-export-progress">
          <progress
            value={state.rows}
            max={Math.max(1, state.total)}
            aria-label={t('segments.export.progress', { rows: count(state.rows), total: count(state.total) })}
          />
          <span>{t('segments.export.progress', { rows: count(state.rows), total: count(state.total) })}</span>
        </span>
      )}
      {state.status === 'done' && (
        <span className="segment-export-progress" role="status">
          <progress value={1} max={1} aria-label={t('segments.export.done', { rows: count(state.rows) })} />
          <span>{t('segments.export.done', { rows: count(state.rows) })}</span>
        </span>
      )}
      {state.status === 'failed' && (
        <ServerError
          error={state.error}
          wrap={(text) => t('segments.export.failed', { message: text })}
          isInline
        />
      )}
    </div>
  );
}
