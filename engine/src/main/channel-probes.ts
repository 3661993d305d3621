import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { ChannelKind } from '@touchpoint/language';
import type { AppConfig } from './config';

/** Resolves when the channel can send now; rejects with a message an operator can act on. */
export type ChannelProbe = () => Promise<unknown>;

/**
 * What readiness asks of each channel this deployment sends on (`configuredChannels`): the SMTP
 * relay greets, the SMS provider has its credentials and answers HTTP, the call-center intake (when
 * tasks are pushed there) answers HTTP. Webhook targets are per journey, so there is nothing to ask.
 * Probes only look: they send nothing and authenticate nothing, so a probe every few seconds costs
 * the provider one connection.
 */
export function channelProbes(
  config: AppConfig,
  channels: readonly ChannelKind[],
): Partial<Record<ChannelKind, ChannelProbe>> {
  const all: Record<ChannelKind, ChannelProbe> = {
    email: () => expectSmtpGreeting(new URL(config.SMTP_URL)),
    sms: async () => {
      const missing = missingSmsSettings(config);
      if (missing.length > 0) throw new Error(`${config.SMS_PROVIDER}: ${missing.join(', ')} not set`);
      await expectHttpAnswer(smsApiUrl(config));
    },
    call: async () => {
      if (config.CALL_CENTER_PUSH_URL) await expectHttpAnswer(config.CALL_CENTER_PUSH_URL);
    },
    webhook: async () => undefined,
  };
  return Object.fromEntries(channels.map((channel) => [channel, all[channel]]));
}

const PROVIDER_APIS = { twilio: 'https://api.twilio.com', smsru: 'https://sms.ru' } as const;
const PROVIDER_SETTINGS = {
  twilio: ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'],
  smsru: ['SMSRU_API_ID'],
} as const;

/**
 * Whether `SMS_API_URL` (if set) is the provider's own public API rather than a sandbox or a
 * provider-compatible gateway, whose credentials are that service's business.
 */
function usesProviderApi(config: AppConfig): boolean {
  const provider = new URL(PROVIDER_APIS[config.SMS_PROVIDER]).host;
  return !config.SMS_API_URL || new URL(config.SMS_API_URL).host === provider;
}

/** The provider settings real traffic needs that are not set (none against a sandbox or gateway). */
export function missingSmsSettings(config: AppConfig): string[] {
  if (!usesProviderApi(config)) return [];
  return PROVIDER_SETTINGS[config.SMS_PROVIDER].filter((name) => !config[name]);
}

/**
 * SMS is a channel of this deployment when it points at a sandbox or gateway, or when any of the
 * provider's settings is given: a half-given set is a configured channel that readiness fails,
 * naming what is missing, while none at all is a deployment without SMS (publish refuses SMS sends).
 */
export function isSmsConfigured(config: AppConfig): boolean {
  return (
    !usesProviderApi(config) || PROVIDER_SETTINGS[config.SMS_PROVIDER].some((name) => Boolean(config[name]))
  );
}

function smsApiUrl(config: AppConfig): string {
  return config.SMS_API_URL ?? PROVIDER_APIS[config.SMS_PROVIDER];
}

/** Any HTTP answer will do (an API's root may well be 404): the point is that it answers. */
async function expectHttpAnswer(url: string): Promise<void> {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(1_500) });
    await response.body?.cancel();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    throw new Error(`${new URL(url).host} unreachable${cause ? ` (${cause})` : ''}`, { cause: error });
  }
}

/** Connects to the relay and reads its greeting (`220 …`), then says QUIT. */
async function expectSmtpGreeting(url: URL): Promise<void> {
  const host = url.hostname;
  const isTls = url.protocol === 'smtps:';
  const port = Number(url.port || (isTls ? 465 : 25));
  const where = `SMTP relay ${host}:${port}`;
  const socket: Socket = isTls ? connectTls({ host, port, servername: host }) : connectTcp({ host, port });
  try {
    const greeting = await new Promise<string>((resolve, reject) => {
      let received = '';
      socket.setTimeout(1_500, () => reject(new Error('no greeting in 1.5 s')));
      socket.once('error', reject);
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        if (received.includes('\n')) resolve(received.split(/\r?\n/)[0] ?? '');
      });
    });
    if (!greeting.startsWith('220')) throw new Error(`greeted with "${greeting.slice(0, 80)}"`);
    socket.end('QUIT\r\n');
  } catch (error) {
    throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    socket.destroySoon();
  }
}
