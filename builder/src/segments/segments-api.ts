import { z } from 'zod';
import { request } from '../api/client';
import {
  LifecycleGridFigures,
  RfmDistribution,
  SegmentCountHistory,
  SegmentEstimate,
  SegmentItem,
  SegmentMembersPage,
  TransitionMatrix,
} from '../api/schemas';

const enc = encodeURIComponent;

/** The segmentation routes the builder calls (engine/src/api/routes/segments). */
export const segmentEndpoints = {
  segments: () => '/v1/segments',
  segment: (id: string) => `/v1/segments/${enc(id)}`,
  estimate: () => '/v1/segments/estimate',
  members: (id: string) => `/v1/segments/${enc(id)}/members?limit=50`,
  counts: (id: string) => `/v1/segments/${enc(id)}/counts`,
  exportCsv: (id: string) => `/v1/segments/${enc(id)}/export.csv`,
  rfm: () => '/v1/segmentation/rfm',
  lifecycle: () => '/v1/segmentation/lifecycle',
  transitions: (family: 'rfm' | 'lifecycle', from: string, to: string) =>
    `/v1/segmentation/transitions?family=${family}&from=${enc(from)}&to=${enc(to)}`,
} as const;

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  body: body === undefined ? undefined : JSON.stringify(body),
});

/** A saved segment as the editor sends it. */
export interface SegmentDraft {
  key: string;
  name: string;
  rule: unknown;
}

export const segmentsApi = {
  listSegments: () =>
    request(z.object({ items: z.array(SegmentItem) }), segmentEndpoints.segments()).then((b) => b.items),
  createSegment: (draft: SegmentDraft) =>
    request(SegmentItem, segmentEndpoints.segments(), json('POST', draft)),
  updateSegment: (id: string, draft: Omit<SegmentDraft, 'key'>) =>
    request(SegmentItem, segmentEndpoints.segment(id), json('PUT', draft)),
  deleteSegment: (id: string) => request(z.unknown(), segmentEndpoints.segment(id), json('DELETE')),
  /** What a rule matches now, with a sample, while it is being edited. */
  estimate: (rule: unknown, signal?: AbortSignal) =>
    request(SegmentEstimate, segmentEndpoints.estimate(), {
      ...json('POST', { rule, sampleSize: 10 }),
      signal,
    }),
  listMembers: (id: string) => request(SegmentMembersPage, segmentEndpoints.members(id)),
  countHistory: (id: string) =>
    request(SegmentCountHistory, segmentEndpoints.counts(id)).then((body) => body.items),
  rfm: () => request(RfmDistribution, segmentEndpoints.rfm()),
  lifecycle: () => request(LifecycleGridFigures, segmentEndpoints.lifecycle()),
  transitions: (family: 'rfm' | 'lifecycle', from: string, to: string) =>
    request(TransitionMatrix, segmentEndpoints.transitions(family, from, to)),
};
