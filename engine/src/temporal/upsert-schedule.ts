import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  type Client,
  type ScheduleOptions,
  type ScheduleUpdateOptions,
} from '@temporalio/client';

/**
 * Makes the Schedule `options.scheduleId` exist with `options`' spec and action, whichever of several
 * API processes asks and however they interleave: update it if it exists; create it if not; and if
 * another process created it between the two calls (Temporal refuses a second create with
 * `ScheduleAlreadyRunning`), update the one it made. The id is the only key, so there is never a
 * second Schedule to fire twice.
 */
export async function upsertSchedule(
  client: Client,
  options: ScheduleOptions,
  update: (previous: ScheduleUpdateOptions) => ScheduleUpdateOptions,
): Promise<'created' | 'updated'> {
  const handle = client.schedule.getHandle(options.scheduleId);
  const updateExisting = async (): Promise<boolean> => {
    try {
      await handle.update(update);
      return true;
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return false;
      throw error;
    }
  };
  if (await updateExisting()) return 'updated';
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  if (await updateExisting()) return 'updated';
  throw new Error(`schedule ${options.scheduleId} was created by another process and is gone again`);
}
