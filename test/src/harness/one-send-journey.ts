/** The send step of {@link oneSendJourney}: its id, and the channels, template and quiet hours it sends with. */
export interface OneSend {
  id: string;
  channels: string[];
  templateId: string;
  quietHours: 'skip' | 'defer';
}

/**
 * A journey definition of one send step, for tests about what a send does: entered on `trigger`, it
 * sends once, then exits `completed`, or `notReachable` when no channel reaches the client.
 */
export function oneSendJourney(trigger: Record<string, unknown>, { id, ...config }: OneSend) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger } },
      { id, kind: 'send', config },
      { id: 'done', kind: 'exit', config: { reason: 'completed' } },
      { id: 'not-reachable', kind: 'exit', config: { reason: 'notReachable' } },
    ],
    edges: [
      { id: 'e1', source: 'entry', sourcePort: 'out', target: id },
      { id: 'e2', source: id, sourcePort: 'sent', target: 'done' },
      { id: 'e3', source: id, sourcePort: 'unreachable', target: 'not-reachable' },
    ],
    settings: {},
    layout: {},
  };
}
