import type { JourneyVersion } from '../api/schemas';

/** The two published versions of a move: clients wait on `fromVersion`, they continue on `toVersion`. */
export interface VersionPair {
  fromVersion: number;
  toVersion: number;
}

/** The pair a move starts with: the newest version and the one before it, or the two the marketer picked. */
export function defaultVersionPair(
  versions: readonly JourneyVersion[],
  picked: readonly number[],
): VersionPair {
  const numbers = (picked.length === 2 ? [...picked] : versions.map((version) => version.number)).sort(
    (a, b) => a - b,
  );
  const toVersion = numbers.at(-1) ?? 1;
  return { fromVersion: numbers.at(-2) ?? toVersion, toVersion };
}
