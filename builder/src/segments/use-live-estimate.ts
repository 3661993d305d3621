import { useEffect, useState } from 'react';
import type { SegmentEstimate } from '../api/schemas';
import { segmentsApi } from './segments-api';

export type EstimateState =
  | { status: 'loading' }
  | { status: 'ready'; estimate: SegmentEstimate }
  | { status: 'error'; error: unknown };

/** How long typing must pause before the estimate is asked again. */
const PAUSE_MS = 350;

/**
 * The audience a rule would have now, asked again a moment after each edit. A newer edit aborts the
 * older request, so the count shown is always the rule on screen; a 400 (the rule is not valid yet)
 * arrives as the error, whose issues the editor shows under each field.
 */
export function useLiveEstimate(rule: unknown): EstimateState {
  const text = JSON.stringify(rule);
  const [state, setState] = useState<{ rule: string; state: EstimateState } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      segmentsApi.estimate(JSON.parse(text), controller.signal).then(
        (estimate) => setState({ rule: text, state: { status: 'ready', estimate } }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ rule: text, state: { status: 'error', error } });
        },
      );
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return state?.rule === text ? state.state : { status: 'loading' };
}
