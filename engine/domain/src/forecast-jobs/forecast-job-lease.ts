/**
 * The exclusive lease (`withExclusiveLease`) the process running a forecast holds for as long as it
 * runs it: taken before the job's row exists, given back only after its end is written.
 */
export function forecastJobLeaseKey(jobId: string): string {
  return `forecast-job:${jobId}`;
}

/** Why a job whose process went away before it finished is `failed`. */
export const FORECAST_PROCESS_STOPPED = 'the API process running it stopped; start it again';
