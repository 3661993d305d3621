import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../channel-adapter';
import type { OutboundMessage } from '../outbound-message';
import { SendOutcome } from '../send-outcome';

/** What the contract needs to exercise one adapter against its loopback server. */
export interface ContractSubject<M extends OutboundMessage> {
  adapter: ChannelAdapter<M>;
  /** The same adapter pointed at a port nobody listens on. */
  offlineAdapter: ChannelAdapter<M>;
  /** A message the loopback server accepts. */
  deliverable(messageId: string): M;
  /** A message the loopback server refuses for good (hard bounce, bad number, 410). */
  undeliverable(messageId: string): M;
  /** A message the loopback server refuses transiently (greylisting, 429, 503). */
  transient(messageId: string): M;
  /** Provider ids (or keys) of what the loopback server stored, in arrival order. */
  receivedIds(): string[];
  stop(): Promise<void>;
}

/**
 * The one contract every adapter passes: expected outcomes are values (never throws), a delivered
 * message reaches the server exactly once with the id the adapter reports, permanent refusals are
 * `rejected`, transient ones and network faults are `retry`.
 */
export function describeChannelContract<M extends OutboundMessage>(
  name: string,
  start: () => Promise<ContractSubject<M>>,
): void {
  describe(`channel contract: ${name}`, () => {
    let subject: ContractSubject<M>;
    beforeAll(async () => {
      subject = await start();
    });
    afterAll(async () => {
      await subject.adapter.close();
      await subject.offlineAdapter.close();
      await subject.stop();
    });

    it('delivers a message once and reports the provider id the server stored', async () => {
      const before = subject.receivedIds().length;
      const outcome = SendOutcome.parse(await subject.adapter.send(subject.deliverable('contract-1')));
      expect(outcome.kind).toBe('sent');
      const received = subject.receivedIds().slice(before);
      expect(received).toHaveLength(1);
      if (outcome.kind === 'sent') expect(received[0]).toBe(outcome.providerId);
    });

    it('reports a permanent refusal as rejected and stores nothing', async () => {
      const before = subject.receivedIds().length;
      const outcome = await subject.adapter.send(subject.undeliverable('contract-2'));
      expect(outcome).toMatchObject({ kind: 'rejected', permanent: true });
      expect(subject.receivedIds()).toHaveLength(before);
    });

    it('reports a transient refusal as retry and stores nothing', async () => {
      const before = subject.receivedIds().length;
      const outcome = await subject.adapter.send(subject.transient('contract-3'));
      expect(outcome.kind).toBe('retry');
      expect(subject.receivedIds()).toHaveLength(before);
    });

    it('reports an unreachable provider as retry instead of throwing', async () => {
      const outcome = await subject.offlineAdapter.send(subject.deliverable('contract-4'));
      expect(outcome.kind).toBe('retry');
      // Nothing was listening, so nothing can have been delivered: a plain retry, not a lost answer.
      expect(outcome).not.toHaveProperty('answerLost');
    });

    it('keeps concurrent sends apart: twenty sends, twenty distinct stored messages', async () => {
      const before = subject.receivedIds().length;
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          subject.adapter.send(subject.deliverable(`contract-burst-${i}`)),
        ),
      );
      const ids = outcomes.map((outcome) => (outcome.kind === 'sent' ? outcome.providerId : outcome.kind));
      expect(new Set(ids).size).toBe(20);
      expect(new Set(subject.receivedIds().slice(before))).toEqual(new Set(ids));
    });
  });
}
