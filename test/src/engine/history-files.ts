import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { History } from '@temporalio/common/lib/proto-utils';
import proto from '@temporalio/proto';

const HistoryMessage = proto.temporal.api.history.v1.History;

/**
 * Where the committed histories live: one folder per generation of workflow code
 * (`01-regular-bookkeeping`, …), one `<scenario>.<run>.json` per workflow run inside.
 */
export const HISTORIES_DIR = fileURLToPath(new URL('../../fixtures/histories/', import.meta.url));

// Plain protobuf object form (enum names, 64-bit ids as strings, bytes as base64), through the
// proto package's own codec: the SDK's historyToJSON trips over two protobufjs copies in this tree.
const OBJECT_OPTIONS = { longs: String, enums: String, bytes: String } as const;

/** Writes one run's history as reviewable JSON. */
export async function writeHistoryFile(path: string, history: History): Promise<void> {
  const message = HistoryMessage.fromObject(history as Record<string, unknown>);
  const json = HistoryMessage.toObject(message, OBJECT_OPTIONS);
  await writeFile(path, `${JSON.stringify(json, null, 1)}\n`);
}

/** Every committed history of every generation, decoded for `Worker.runReplayHistories`. */
export async function readHistoryFiles(): Promise<{ workflowId: string; history: History }[]> {
  const entries = await readdir(HISTORIES_DIR, { recursive: true });
  const files = entries.filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: HistoryMessage.fromObject(JSON.parse(await readFile(`${HISTORIES_DIR}${file}`, 'utf8'))),
    })),
  );
}
