import type { ChannelAdapter } from '../channel-adapter';
import type { CallMessage } from '../outbound-message';
import { postSignedJson, type SignedPostConfig } from '../webhook/post-signed-json';

/** The external call-center system's task intake. */
export interface CallCenterPushConfig extends SignedPostConfig {
  url: string;
}

/**
 * Call tasks live as rows in Touchpoint's own queue; this optional adapter also pushes each one to
 * an external call-center system (signed JSON) for teams that work from their own software.
 */
export function createCallCenterPushAdapter(config: CallCenterPushConfig): ChannelAdapter<CallMessage> {
  return {
    channel: 'call',
    provider: 'call-center-webhook',
    send: (message) =>
      postSignedJson(
        config.url,
        message.messageId,
        {
          taskId: message.taskId,
          phone: message.phone,
          priority: message.priority,
          dueAt: message.dueAt,
          script: message.script,
          context: message.context,
        },
        config,
      ),
    async close() {},
  };
}
