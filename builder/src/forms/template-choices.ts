import type { TemplateDetail } from '../api/schemas';

/** One template key as the send step offers it: its name and the variant each channel has. */
export interface TemplateChoice {
  key: string;
  name: string;
  variants: Partial<Record<TemplateDetail['channel'], string>>;
}

/**
 * The keys a send on `channels` can use: those with a variant for every channel it may try (publish
 * refuses a send whose template lacks one), by name. No channel ticked yet: every key.
 */
export function listTemplateChoices(
  templates: readonly TemplateDetail[],
  channels: readonly string[],
): TemplateChoice[] {
  const byKey = new Map<string, TemplateChoice>();
  for (const template of templates) {
    const choice = byKey.get(template.key) ?? { key: template.key, name: template.name, variants: {} };
    choice.variants[template.channel] = template.id;
    byKey.set(template.key, choice);
  }
  return [...byKey.values()]
    .filter((choice) => channels.every((channel) => channel in choice.variants))
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}
