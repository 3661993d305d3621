import { request } from '../api/client';
import { EnrollmentJobProgress, ManualEnrollmentResult } from '../api/schemas';
import { segmentsApi } from '../segments/segments-api';

const enc = encodeURIComponent;

/** The enrollment routes the builder calls (engine/src/api/routes/enrollments). */
export const audienceEndpoints = {
  enroll: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/enrollments`,
  enrollCsv: (journeyId: string, column: string) =>
    `/v1/journeys/${enc(journeyId)}/enrollments/csv?${new URLSearchParams({ column }).toString()}`,
  job: (jobId: string) => `/v1/enrollment-jobs/${enc(jobId)}`,
} as const;

export const audienceApi = {
  /** How many clients are in a segment now, with a sample of them (the segment rule `{ kind: segment }`). */
  estimateSegment: (segment: string, signal?: AbortSignal) =>
    segmentsApi.estimate({ kind: 'segment', segment, isMember: true }, signal),
  /** Enrolls these CRM ids into the journey's live version, one outcome each. */
  enroll: (journeyId: string, clientIds: string[]) =>
    request(ManualEnrollmentResult, audienceEndpoints.enroll(journeyId), {
      method: 'POST',
      body: JSON.stringify({ clientIds }),
    }),
  /** Starts a CSV enrollment job, the client ids read from `column`. */
  uploadCsv: (journeyId: string, csv: string, column: string) =>
    request(EnrollmentJobProgress, audienceEndpoints.enrollCsv(journeyId, column), {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    }),
  getJob: (jobId: string) => request(EnrollmentJobProgress, audienceEndpoints.job(jobId)),
};
