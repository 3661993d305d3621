import type { ChannelAdapter } from '../channel-adapter';
import type { WebhookMessage } from '../outbound-message';
import { postSignedJson, type SignedPostConfig } from './post-signed-json';

/** Webhook channel: the message carries its own URL (from the template), the config the secret. */
export function createWebhookAdapter(config: SignedPostConfig): ChannelAdapter<WebhookMessage> {
  return {
    channel: 'webhook',
    provider: 'webhook',
    send: (message) =>
      postSignedJson(
        message.url,
        message.messageId,
        { messageId: message.messageId, ...message.payload },
        config,
      ),
    async close() {},
  };
}
