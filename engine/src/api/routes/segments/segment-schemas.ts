import { SEGMENT_FAMILIES, SegmentInput, SegmentRule } from '@touchpoint/domain';
import { z } from 'zod';

export const SegmentParams = z.object({ id: z.uuid().describe('the segment’s id') });

export const SegmentResponse = z
  .object({
    id: z.string().describe('the segment’s id'),
    key: z.string().describe('what journeys name (properties.segment of segment.entered / segment.left)'),
    name: z.string().describe('what people read in the builder'),
    family: z.enum(SEGMENT_FAMILIES).describe('rule: a saved segment; rfm, lifecycle, overdue: built in'),
    rule: SegmentRule.nullable().describe('the saved segment’s rule (null: a built-in segment)'),
    members: z.number().int().describe('members as of the last recompute or purchase'),
    createdAt: z.string().describe('when the segment was created'),
    updatedAt: z.string().describe('when its name or rule last changed'),
  })
  .describe('a segment with its member count');

export const SegmentListResponse = z
  .object({ items: z.array(SegmentResponse).describe('by family, then key') })
  .describe('every segment');

export { SegmentInput };

export const SegmentUpdate = SegmentInput.pick({ name: true, rule: true });

export const MemberSample = z.object({
  clientId: z.string().describe('the client’s external id'),
  email: z.string().nullable().describe('the client’s email (null: none)'),
  phone: z.string().nullable().describe('the client’s phone (null: none)'),
});

export const EstimateBody = z.strictObject({
  rule: SegmentRule,
  sampleSize: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(10)
    .describe('how many matching clients to return (default 10)'),
});

export const EstimateResponse = z
  .object({
    count: z.number().int().describe('clients the rule matches now'),
    sample: z.array(MemberSample).describe('the first matches by client id'),
  })
  .describe('the rule’s match count now, and a sample');

export const MembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('members per page (default 50)'),
  cursor: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('the previous page’s nextCursor (default: the first page)'),
});

export const MembersResponse = z
  .object({
    items: z
      .array(MemberSample.extend({ since: z.string().describe('when the client entered') }))
      .describe('members by client id'),
    nextCursor: z.string().nullable().describe('the next page’s cursor (null: the last page)'),
  })
  .describe('a page of the segment’s current members');

export const CountsResponse = z
  .object({
    items: z
      .array(
        z.object({
          day: z.string().describe('the day of the recompute (UTC)'),
          members: z.number().int().describe('members at the end of that day’s recompute'),
        }),
      )
      .describe('one entry per recompute day, oldest first'),
  })
  .describe('the segment’s member count over time');
