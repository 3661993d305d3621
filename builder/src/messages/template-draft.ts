import type { ChannelKind } from '@touchpoint/language';
import type { TemplateDetail } from '../api/schemas';
import type { TemplateDraft } from './messages-api';

/** What a new template of each channel starts with: something that renders, to edit from. */
export function blankDraft(channel: ChannelKind): TemplateDraft {
  switch (channel) {
    case 'email':
      return {
        channel,
        key: '',
        name: '',
        format: 'mjml',
        subject: '{{ client.firstName }}, ',
        body:
          '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n' +
          '        <mj-text>Hi {{ client.firstName }},</mj-text>\n' +
          '      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>',
      };
    case 'sms':
      return { channel, key: '', name: '', body: '{{ client.firstName }}, ' };
    case 'call':
      return { channel, key: '', name: '', body: 'Hello {{ client.firstName }}, ' };
    case 'webhook':
      return {
        channel,
        key: '',
        name: '',
        body: JSON.stringify(
          { url: 'https://crm.example/hooks/touchpoint', payload: { client: '{{ client.externalId }}' } },
          null,
          2,
        ),
      };
    default: {
      const unhandled: never = channel;
      throw new Error(`no blank template for ${String(unhandled)}`);
    }
  }
}

/** A stored template as the editor holds it. */
export function toDraft(template: TemplateDetail): TemplateDraft {
  if (template.channel === 'email')
    return {
      channel: 'email',
      key: template.key,
      name: template.name,
      format: template.format === 'html' ? 'html' : 'mjml',
      subject: template.subject ?? '',
      body: template.body,
    };
  return { channel: template.channel, key: template.key, name: template.name, body: template.body };
}
