import { useEffect, useRef, useState } from 'react';
import type { ApiState } from './use-api';

/**
 * Runs `load` now and every `intervalMs` while mounted, keeping the last answer on screen while
 * the next one is on its way (no flicker back to "loading"). A slow answer never overlaps the next
 * call; an error replaces the data until a later call succeeds.
 */
export function usePolled<T>(load: () => Promise<T>, intervalMs: number): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const loadRef = useRef(load);

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let isMounted = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      loadRef
        .current()
        .then(
          (data) => isMounted && setState({ status: 'ready', data }),
          (error: unknown) => isMounted && setState({ status: 'error', error }),
        )
        .finally(() => {
          if (isMounted) timer = setTimeout(tick, intervalMs);
        });
    };
    tick();
    return () => {
      isMounted = false;
      clearTimeout(timer);
    };
  }, [intervalMs]);

  return state;
}
