import { z } from 'zod';

/** Every channel a journey can send through, in no particular order. */
export const CHANNEL_KINDS = ['email', 'sms', 'call', 'webhook'] as const;

/** A delivery channel; `send` nodes list them in fallback order. */
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;
