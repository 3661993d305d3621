import { describe, expect, it } from 'vitest';
import { verifyTrackingToken } from '../email/tracking-token';
import { renderEmail, renderSms, renderWebhook, TemplateRenderError } from './render-template';

const tracking = { baseUrl: 'https://tp.example.com', secret: 's3cret' };
const variables = { client: { firstName: 'Анна <b>' }, offer: { discount: 15 }, journey: { id: 'winback' } };
const mjml = `<mjml><mj-body><mj-section><mj-column>
  <mj-text>Hello {{ client.firstName }}, take {{ offer.discount }}% off.</mj-text>
  <mj-button href="https://shop.example.com/deal">Shop</mj-button>
  <mj-text><a href="{{ links.unsubscribe }}">Unsubscribe</a></mj-text>
</mj-column></mj-section></mj-body></mjml>`;

describe('renderEmail', () => {
  it('renders Liquid over MJML into escaped responsive HTML with a text part, tracking and unsubscribe headers', async () => {
    const message = await renderEmail(
      { channel: 'email', id: 't1', subject: '{{ client.firstName }}, {{ offer.discount }}% for you', mjml },
      variables,
      { messageId: 'm1', to: 'anna@example.com', tracking },
    );
    expect(message.subject).toBe('Анна <b>, 15% for you');
    expect(message.html).toContain('Hello Анна &lt;b&gt;, take 15% off.');
    expect(message.html).toContain('@media'); // MJML's responsive styles
    expect(message.html).not.toContain('href="https://shop.example.com/deal"');
    expect(message.text).toContain('Hello Анна <b>, take 15% off.');
    expect(message.text).toContain('Shop (https://shop.example.com/deal)');
    const unsubscribe = /<(https:\/\/tp\.example\.com\/t\/u\/[^>]+)>/.exec(
      message.headers['List-Unsubscribe'] ?? '',
    );
    expect(unsubscribe).not.toBeNull();
    expect(message.html).toContain(`href="${unsubscribe![1]}"`); // the unsubscribe link is not click-tracked
    expect(verifyTrackingToken(unsubscribe![1]!.split('/').pop()!, 's3cret')).toMatchObject({
      action: 'unsubscribe',
      messageId: 'm1',
    });
  });

  it('names the template and field when Liquid does not parse', async () => {
    const render = renderEmail(
      { channel: 'email', id: 'broken', subject: '{{ client.firstName | nosuchfilter }}', mjml },
      variables,
      {
        messageId: 'm1',
        to: 'anna@example.com',
        tracking,
      },
    );
    await expect(render).rejects.toThrow(TemplateRenderError);
    await expect(render).rejects.toThrow(/template broken, subject/);
  });

  it('names the MJML error when the markup is invalid', async () => {
    const bad =
      '<mjml><mj-body><mj-section><mj-text>outside a column</mj-text></mj-section></mj-body></mjml>';
    await expect(
      renderEmail({ channel: 'email', id: 'bad-mjml', subject: 's', mjml: bad }, variables, {
        messageId: 'm',
        to: 'a@b.co',
        tracking,
      }),
    ).rejects.toThrow(/template bad-mjml, mjml: line \d+/);
  });
});

describe('renderSms and renderWebhook', () => {
  it('renders the SMS body without HTML escaping', async () => {
    const message = await renderSms(
      { channel: 'sms', id: 's1', body: '{{ client.firstName }}: -{{ offer.discount }}%' },
      variables,
      {
        messageId: 'm1',
        to: '+79991234567',
      },
    );
    expect(message.body).toBe('Анна <b>: -15%');
  });

  it('renders every string inside a nested webhook payload', async () => {
    const message = await renderWebhook(
      {
        channel: 'webhook',
        id: 'w1',
        url: 'https://crm.example.com/hook',
        payload: { who: '{{ journey.id }}', deep: { list: ['{{ offer.discount }}', 3] } },
      },
      variables,
      { messageId: 'm1' },
    );
    expect(message.payload).toEqual({ who: 'winback', deep: { list: ['15', 3] } });
  });
});
