/** The first-journey story without its two-day wait (a real server keeps real time): mail, SMS, done. */
export const SIGN_UP_STORY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signed_up' } } } },
    {
      id: 'welcome-email',
      kind: 'send',
      config: { channels: ['email'], templateId: 'welcome', quietHours: 'skip' },
    },
    { id: 'nudge-sms', kind: 'send', config: { channels: ['sms'], templateId: 'nudge', quietHours: 'skip' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    { id: 'not-reachable', kind: 'exit', config: { reason: 'notReachable' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'welcome-email' },
    { id: 'e2', source: 'welcome-email', sourcePort: 'sent', target: 'nudge-sms' },
    { id: 'e3', source: 'nudge-sms', sourcePort: 'sent', target: 'done' },
    { id: 'e4', source: 'welcome-email', sourcePort: 'unreachable', target: 'not-reachable' },
    { id: 'e5', source: 'nudge-sms', sourcePort: 'unreachable', target: 'not-reachable' },
  ],
  settings: {},
  layout: {},
};

/** A journey clients enter by upload (CSV): one SMS, done. */
export const UPLOAD_STORY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'nudge-sms', kind: 'send', config: { channels: ['sms'], templateId: 'nudge', quietHours: 'skip' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    { id: 'not-reachable', kind: 'exit', config: { reason: 'notReachable' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'nudge-sms' },
    { id: 'e2', source: 'nudge-sms', sourcePort: 'sent', target: 'done' },
    { id: 'e3', source: 'nudge-sms', sourcePort: 'unreachable', target: 'not-reachable' },
  ],
  settings: {},
  layout: {},
};
