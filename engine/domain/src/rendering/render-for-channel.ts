import {
  renderCallScript,
  renderEmail,
  renderSms,
  renderWebhook,
  type ChannelKind,
  type OutboundMessage,
  type TemplateVariables,
  type TrackingConfig,
} from '@touchpoint/channels';
import { templates, type ClientRow, type Executor, type TemplateRow } from '@touchpoint/db';
import { and, eq, or } from 'drizzle-orm';

/** The journey step a message is rendered for (a send's input, or a preview's stand-in). */
export interface RenderedStep {
  journeyId?: string | null | undefined;
  journeyVersion?: number | null | undefined;
  nodeId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The channel's variant of a template, by key (or by id). */
export async function findTemplate(
  db: Executor,
  templateId: string,
  channel: ChannelKind,
): Promise<TemplateRow | undefined> {
  const match = UUID.test(templateId)
    ? or(eq(templates.key, templateId), eq(templates.id, templateId))
    : eq(templates.key, templateId);
  const [row] = await db
    .select()
    .from(templates)
    .where(and(match, eq(templates.channel, channel)));
  return row;
}

/**
 * Liquid sees the client's columns and CRM attributes, the node's offer (as `loadOfferVariables`
 * loaded it) and the journey.
 */
export function buildVariables(
  client: ClientRow,
  input: RenderedStep,
  offer: Record<string, unknown>,
): TemplateVariables {
  return {
    client: {
      ...client.attributes,
      id: client.id,
      externalId: client.externalId,
      email: client.email,
      phone: client.phone,
      locale: client.locale,
    },
    offer,
    journey: { id: input.journeyId ?? null, version: input.journeyVersion ?? null, nodeId: input.nodeId },
  };
}

// Plain HTML email bodies go through MJML untouched, so every email gets the same pipeline.
function toMjml(row: TemplateRow): string {
  return row.format === 'mjml' ? row.body : `<mjml><mj-body><mj-raw>${row.body}</mj-raw></mj-body></mjml>`;
}

/** Renders one channel's message; `messageId` is the outbox key, `to` the contact point. */
export async function renderForChannel(
  row: TemplateRow,
  variables: TemplateVariables,
  options: { messageId: string; to: string; tracking: TrackingConfig },
): Promise<Exclude<OutboundMessage, { channel: 'call' }> | { channel: 'call'; script: string }> {
  switch (row.channel) {
    case 'email':
      return renderEmail(
        { channel: 'email', id: row.key, subject: row.subject ?? '', mjml: toMjml(row) },
        variables,
        options,
      );
    case 'sms':
      return renderSms({ channel: 'sms', id: row.key, body: row.body }, variables, options);
    case 'call':
      return {
        channel: 'call',
        script: await renderCallScript({ channel: 'call', id: row.key, script: row.body }, variables),
      };
    case 'webhook': {
      const parsed = JSON.parse(row.body) as { url: string; payload: Record<string, unknown> };
      return renderWebhook(
        { channel: 'webhook', id: row.key, url: parsed.url, payload: parsed.payload },
        variables,
        options,
      );
    }
    default: {
      const unhandled: never = row.channel;
      throw new Error(`unknown template channel ${String(unhandled)}`);
    }
  }
}
