import { outputPortsOf, type JourneyNode } from '@touchpoint/engine/language';
import type { StepData } from '../canvas/convert';

type Item = { id?: unknown; name?: unknown };

function itemsOf(config: unknown, key: string): { id: string; name?: string }[] {
  const list = (config as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) return [];
  return (list as Item[])
    .filter((item) => typeof item?.id === 'string' && item.id.length > 0)
    .map((item) => ({ id: item.id as string, name: typeof item.name === 'string' ? item.name : undefined }));
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
    },
  } as unknown as JourneyNode;
  return outputPortsOf(skeleton);
}

/** The item (exit / branch / variant) a dynamic port belongs to, for its label. */
export function portItem(data: StepData, port: string): { id: string; name?: string } | null {
  const [prefix, id] = port.split(':');
  if (id === undefined) return null;
  const key = prefix === 'event' ? 'exits' : prefix === 'branch' ? 'branches' : 'variants';
  return itemsOf(data.config, key).find((item) => item.id === id) ?? null;
}
