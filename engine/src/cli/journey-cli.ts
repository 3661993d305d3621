import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { validateJourney } from '@touchpoint/language';
import { JourneyFile } from '../api/routes/journey-files/journey-file';

const USAGE = `usage: npm run journey -- <command> [options]
  export <journey-id> [--out file.json]   the draft and its templates as a journey file (stdout without --out)
  import <file.json>                      a new draft from a journey file, with the templates it needs
  validate <file.json>                    checks a journey file offline: its shape and the journey's rules
options: --url <api url> (TOUCHPOINT_API_URL, default http://127.0.0.1:3000)
         --key <api key> (TOUCHPOINT_API_KEY)`;

/** Where the CLI writes and what it reads from the environment; a test gives its own. */
export interface CliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
}

class CliError extends Error {}

async function callApi(io: CliIo, url: string, key: string | undefined, path: string, body?: unknown) {
  if (!key) throw new CliError('an API key is needed: --key or TOUCHPOINT_API_KEY');
  const response = await fetch(new URL(path, url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as { message?: string } | null;
  // The API's error body names the field that is wrong; that is what the person at the terminal needs.
  if (!response.ok) throw new CliError(`${response.status}: ${answer?.message ?? response.statusText}`);
  return answer;
}

async function readJourneyFile(path: string): Promise<JourneyFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(
      `${path}: not a JSON file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = JourneyFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new CliError(`${path}: not a journey file\n${issues.join('\n')}`);
  }
  return parsed.data;
}

/** Checks a file offline; a problem names its step by name when the step has one. */
async function validateFile(io: CliIo, path: string): Promise<number> {
  const file = await readJourneyFile(path);
  const keys = file.templates.map((template) => template.key);
  const problems = validateJourney(file.definition, { templateIds: keys });
  const nodes = Array.isArray(file.definition.nodes)
    ? (file.definition.nodes as { id?: string; name?: string }[])
    : [];
  const nameOf = (id: string) => nodes.find((node) => node.id === id)?.name ?? id;
  for (const problem of problems)
    io.err(`${problem.nodeId ? `${nameOf(problem.nodeId)}: ` : ''}${problem.message}`);
  if (problems.length > 0) return 1;
  io.out(
    `${path}: "${file.name}" is a valid journey (${nodes.length} steps, ${file.templates.length} templates)`,
  );
  return 0;
}

/** Runs one command; answers the process exit code (0 done, 1 refused, 2 misused). */
export async function runJourneyCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { url: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' } },
  });
  const [command, target] = positionals;
  const url = values.url ?? io.env.TOUCHPOINT_API_URL ?? 'http://127.0.0.1:3000';
  const key = values.key ?? io.env.TOUCHPOINT_API_KEY;
  if (!target || !['export', 'import', 'validate'].includes(command ?? '')) {
    io.err(USAGE);
    return 2;
  }
  try {
    if (command === 'validate') return await validateFile(io, target);
    if (command === 'export') {
      const file = await callApi(io, url, key, `/v1/journeys/${encodeURIComponent(target)}/export`);
      // Two-space JSON with a final newline: what diffs well in git.
      const text = `${JSON.stringify(file, null, 2)}\n`;
      if (values.out) await writeFile(values.out, text);
      else io.out(text.trimEnd());
      if (values.out) io.err(`exported to ${values.out}`);
      return 0;
    }
    const file = await readJourneyFile(target);
    const imported = (await callApi(io, url, key, '/v1/journeys/import', file)) as {
      journey: { id: string; name: string };
      createdTemplates: string[];
      reusedTemplates: string[];
    };
    io.out(
      `imported "${imported.journey.name}" as ${imported.journey.id}; templates created: ` +
        `${imported.createdTemplates.join(', ') || 'none'}; reused: ${imported.reusedTemplates.join(', ') || 'none'}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(error.message);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const io: CliIo = {
    env: process.env,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
  process.exitCode = await runJourneyCli(process.argv.slice(2), io);
}
