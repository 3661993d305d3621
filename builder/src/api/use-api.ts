import { useEffect, useRef, useState } from 'react';

/** The state of one API read as a page sees it. */
export type ApiState<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/**
 * Runs `load` on mount and whenever `key` changes; `reload` runs it again. Each answer is tagged
 * with the request it belongs to, so a late answer for an earlier key is never shown, and a new
 * key reads as loading until its own answer arrives.
 */
export function useApi<T>(load: () => Promise<T>, key: string): [ApiState<T>, () => void] {
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<{ request: string; state: ApiState<T> } | null>(null);
  const loadRef = useRef(load);
  const request = `${key}#${generation}`;

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let isCurrent = true;
    loadRef.current().then(
      (data) => isCurrent && setAnswer({ request, state: { status: 'ready', data } }),
      (error: unknown) =>
        isCurrent &&
        setAnswer({
          request,
          state: { status: 'error', error },
        }),
    );
    return () => {
      isCurrent = false;
    };
  }, [request]);

  const state: ApiState<T> = answer?.request === request ? answer.state : { status: 'loading' };
  return [state, () => setGeneration((value) => value + 1)];
}
