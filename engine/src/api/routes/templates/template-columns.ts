import type { TemplateFormat } from '@touchpoint/db';
import type { TemplateBody } from './template-body';

/** The stored columns for a request body: SMS, call and webhook bodies are plain text. */
export function toTemplateColumns(body: TemplateBody) {
  const format: TemplateFormat = body.channel === 'email' ? body.format : 'text';
  const subject = body.channel === 'email' ? body.subject : null;
  return { key: body.key, channel: body.channel, name: body.name, format, subject, body: body.body };
}
