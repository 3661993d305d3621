import { SEGMENT_FAMILIES, SegmentInput, SegmentRule } from '@touchpoint/db';
import { z } from 'zod';

export const SegmentParams = z.object({ id: z.uuid() });

export const SegmentResponse = z.object({
  id: z.string(),
  key: z.string().describe('what journeys name (properties.segment of segment.entered / segment.left)'),
  name: z.string(),
  family: z.enum(SEGMENT_FAMILIES).describe('rule: a saved segment; rfm, lifecycle, overdue: built in'),
  rule: SegmentRule.nullable(),
  members: z.number().int().describe('members as of the last recompute or purchase'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const SegmentListResponse = z.object({ items: z.array(SegmentResponse) });

export { SegmentInput };

export const SegmentUpdate = SegmentInput.pick({ name: true, rule: true });

export const MemberSample = z.object({
  clientId: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const EstimateBody = z.strictObject({
  rule: SegmentRule,
  sampleSize: z.number().int().min(0).max(100).default(10),
});

export const EstimateResponse = z.object({
  count: z.number().int().describe('clients the rule matches now'),
  sample: z.array(MemberSample).describe('the first matches by client id'),
});

export const MembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).max(200).optional(),
});

export const MembersResponse = z.object({
  items: z.array(MemberSample.extend({ since: z.string().describe('when the client entered') })),
  nextCursor: z.string().nullable(),
});

export const CountsResponse = z.object({
  items: z.array(z.object({ day: z.string(), members: z.number().int() })),
});
