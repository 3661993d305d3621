import { CALL_OUTCOMES, outputPortsOf, type CallOutcome, type JourneyNode } from '@touchpoint/language';
import type { StepData } from '../canvas/convert';

type Item = { id?: unknown; name?: unknown };

function itemsOf(config: unknown, key: string): { id: string; name?: string }[] {
  const list = (config as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) return [];
  return (list as Item[])
    .filter((item) => typeof item?.id === 'string' && item.id.length > 0)
    .map((item) => ({ id: item.id as string, name: typeof item.name === 'string' ? item.name : undefined }));
}

const isCallOutcome = (value: unknown): value is CallOutcome => CALL_OUTCOMES.some((o) => o === value);

/** The call outcome exits of a send or rung config, keeping only real outcomes. */
function callExitsOf(config: unknown): { exits: CallOutcome[] } | undefined {
  const wait = (config as { callOutcome?: { exits?: unknown } } | null)?.callOutcome;
  if (!wait) return undefined;
  return { exits: Array.isArray(wait.exits) ? wait.exits.filter(isCallOutcome) : [] };
}

function rungsOf(config: unknown): { id: string; callOutcome?: { exits: CallOutcome[] } }[] {
  const list = (config as { rungs?: unknown } | null)?.rungs;
  if (!Array.isArray(list)) return [];
  return list
    .filter((rung: Item) => typeof rung?.id === 'string' && rung.id.length > 0)
    .map((rung: Item) => {
      const callOutcome = callExitsOf(rung);
      return { id: rung.id as string, ...(callOutcome ? { callOutcome } : {}) };
    });
}

/**
 * Output ports of a step that may still be half-filled. The port names come from the language's
 * `outputPortsOf`, fed with a skeleton holding only the ids that are already there, so a split
 * gains a handle the moment its branch gets an id, even before the branch is valid.
 */
export function portsOfStep(data: StepData): string[] {
  const skeleton = {
    id: 'skeleton',
    kind: data.kind,
    config: {
      exits: itemsOf(data.config, 'exits'),
      branches: itemsOf(data.config, 'branches'),
      variants: itemsOf(data.config, 'variants'),
      rungs: rungsOf(data.config),
      callOutcome: callExitsOf(data.config),
    },
  } as unknown as JourneyNode;
  return outputPortsOf(skeleton);
}

/** A call step's outcome port (`call:<outcome>`, on a ladder `call:<rungId>:<outcome>`), split up. */
export function callPortOf(port: string): { rungId: string | null; outcome: CallOutcome } | null {
  const parts = port.split(':');
  if (parts[0] !== 'call') return null;
  const outcome = parts.at(-1);
  if (!isCallOutcome(outcome)) return null;
  return { rungId: parts.length === 3 ? (parts[1] ?? null) : null, outcome };
}

/** The item (exit / branch / variant) a dynamic port belongs to, for its label. */
export function portItem(data: StepData, port: string): { id: string; name?: string } | null {
  const [prefix, id] = port.split(':');
  if (id === undefined) return null;
  const key = prefix === 'event' ? 'exits' : prefix === 'branch' ? 'branches' : 'variants';
  return itemsOf(data.config, key).find((item) => item.id === id) ?? null;
}
