/**
 * What running a node produced: leave by `port`, exit the journey, or suspend (the run continues as
 * new and the node resumes from its cursor), or stop because an exit was requested meanwhile.
 */
export type NodeOutcome =
  | { kind: 'port'; port: string; skipReason?: string }
  | { kind: 'exit'; status: 'completed' | 'exited'; reason: string }
  | { kind: 'interrupted' };

export const viaPort = (port: string, skipReason?: string): NodeOutcome =>
  skipReason === undefined ? { kind: 'port', port } : { kind: 'port', port, skipReason };
export const INTERRUPTED: NodeOutcome = { kind: 'interrupted' };
