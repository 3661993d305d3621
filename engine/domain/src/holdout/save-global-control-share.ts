import { eq } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { globalControlSettings } from '@touchpoint/db';
import { forgetGlobalControlShare } from './load-experiment-settings';

/** The global control group's setting as stored: the share and since when the group has been kept. */
export interface GlobalControlSetting {
  share: number;
  /** When the group began (the share last moved from 0 to above it); null when never set. */
  startedAt: Date | null;
  updatedAt: Date | null;
}

/** The stored setting; share 0 and no dates when it was never set. */
export async function loadGlobalControlSetting(db: Executor): Promise<GlobalControlSetting> {
  const [row] = await db
    .select({
      share: globalControlSettings.share,
      startedAt: globalControlSettings.startedAt,
      updatedAt: globalControlSettings.updatedAt,
    })
    .from(globalControlSettings)
    .where(eq(globalControlSettings.id, 1));
  return row ?? { share: 0, startedAt: null, updatedAt: null };
}

/**
 * Sets the global control share. Assignments already made stay as they are (a client's group never
 * changes, `assignToExperiment`); the new share decides only clients not yet assigned. `startedAt`
 * moves only when the group begins (from 0 or never set to a positive share), so changing the size of
 * a running group keeps its history in one report.
 */
export async function saveGlobalControlShare(db: Executor, share: number): Promise<GlobalControlSetting> {
  const saved = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ share: globalControlSettings.share })
      .from(globalControlSettings)
      .where(eq(globalControlSettings.id, 1))
      .for('update');
    const now = new Date();
    const begins = share > 0 && (before === undefined || before.share === 0);
    await tx
      .insert(globalControlSettings)
      .values({ id: 1, share, startedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: globalControlSettings.id,
        set: { share, updatedAt: now, ...(begins ? { startedAt: now } : {}) },
      });
    return loadGlobalControlSetting(tx);
  });
  // This process's enrollments see the new share at once; others within GLOBAL_SHARE_CACHE_MS.
  forgetGlobalControlShare();
  return saved;
}
