import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlannedReceipt } from './receipt-plans';
import type { ReceiptSettings, SandboxReceipt, SandboxSms } from './sandbox-types';
import { waitFor } from './wait-for';

export const DEFAULT_RECEIPT_SETTINGS: ReceiptSettings = {
  delayMs: 100,
  attempts: 4,
  retryDelayMs: 200,
  timeoutMs: 5_000,
  log: (line) => void process.stderr.write(`[sms-sandbox] ${line}\n`),
};

type Message = Pick<SandboxSms, 'id' | 'provider' | 'providerId'>;

/** The sandbox's outgoing receipts: posted in order per message, kept for tests and the UI. */
export interface ReceiptDispatcher {
  schedule(message: Message, planned: PlannedReceipt[]): void;
  list(): SandboxReceipt[];
  waitForCount(count: number, timeoutMs: number): Promise<void>;
  clear(): void;
  /** Cancels receipts not yet posted and aborts those in flight. */
  stop(): Promise<void>;
}

/** Posts receipts in the background; a receiver that is down never fails the send or the sandbox. */
export function createReceiptDispatcher(settings: ReceiptSettings): ReceiptDispatcher {
  const receipts: SandboxReceipt[] = [];
  const waiters = new Set<() => void>();
  const pending = new Set<Promise<void>>();
  const stopping = new AbortController();
  // Every pending receipt listens for stop(); hundreds at once are expected, not a leak.
  setMaxListeners(0, stopping.signal);

  async function postInOrder(message: Message, planned: PlannedReceipt[]): Promise<void> {
    for (const receipt of planned) {
      await sleep(settings.delayMs, undefined, { signal: stopping.signal });
      receipts.push(await postWithRetries(message, receipt));
      for (const wake of waiters) wake();
    }
  }

  async function postWithRetries(message: Message, receipt: PlannedReceipt): Promise<SandboxReceipt> {
    let responseStatus: number | null = null;
    let error = '';
    for (let attempt = 1; attempt <= settings.attempts; attempt += 1) {
      if (attempt > 1) {
        await sleep(settings.retryDelayMs * 2 ** (attempt - 2), undefined, { signal: stopping.signal });
      }
      try {
        const response = await postForm(receipt);
        responseStatus = response.status;
        if (isAcknowledged(receipt, response)) {
          return recordOf(message, receipt, {
            outcome: 'posted',
            attempts: attempt,
            responseStatus,
            error: null,
          });
        }
        error = `HTTP ${response.status}: ${response.text.slice(0, 200)}`;
      } catch (caught) {
        if (stopping.signal.aborted) throw caught;
        error = (caught as Error).message;
      }
    }
    settings.log(
      `receipt ${receipt.status} for ${message.id} to ${receipt.url} gave up after ${settings.attempts} attempts: ${error}`,
    );
    return recordOf(message, receipt, {
      outcome: 'failed',
      attempts: settings.attempts,
      responseStatus,
      error,
    });
  }

  async function postForm(receipt: PlannedReceipt): Promise<{ status: number; text: string }> {
    const response = await fetch(receipt.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...receipt.headers },
      body: new URLSearchParams(receipt.form).toString(),
      signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(settings.timeoutMs)]),
    });
    return { status: response.status, text: await response.text() };
  }

  return {
    schedule(message, planned) {
      if (stopping.signal.aborted || planned.length === 0) return;
      const run: Promise<void> = postInOrder(message, planned)
        .catch((error: unknown) => {
          if (!stopping.signal.aborted) settings.log(`receipts for ${message.id} stopped: ${String(error)}`);
        })
        .finally(() => pending.delete(run));
      pending.add(run);
    },
    list: () => [...receipts],
    waitForCount: (count, timeoutMs) => waitFor(() => receipts.length >= count, waiters, timeoutMs),
    clear: () => void receipts.splice(0),
    async stop() {
      stopping.abort();
      await Promise.allSettled([...pending]);
    },
  };
}

function isAcknowledged(receipt: PlannedReceipt, response: { status: number; text: string }): boolean {
  if (response.status < 200 || response.status >= 300) return false;
  return receipt.expectedBody === null || response.text.trim() === receipt.expectedBody;
}

function recordOf(
  message: Message,
  receipt: PlannedReceipt,
  result: Pick<SandboxReceipt, 'outcome' | 'attempts' | 'responseStatus' | 'error'>,
): SandboxReceipt {
  return {
    id: randomUUID(),
    provider: message.provider,
    messageId: message.id,
    providerId: message.providerId,
    url: receipt.url,
    status: receipt.status,
    form: receipt.form,
    ...result,
    postedAt: new Date().toISOString(),
  };
}
