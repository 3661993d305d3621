import { z } from 'zod';

/**
 * The segmentation pictures' shapes (`GET /v1/segmentation/rfm`, `/lifecycle`, `/transitions`) and the
 * saved-segment answers the builder parses. The server declares its responses with these very schemas,
 * so the OpenAPI document, the server and the builder cannot disagree. docs/metrics.md defines each figure.
 */

const Count = z.number().int().min(0);

export const RfmCellFigure = z.object({
  cell: z.string().describe('the cell, R<r>F<f>M<m> with 3 best; also its segment key'),
  recency: z.number().int().describe('R score 1…3 (3: bought most recently)'),
  frequency: z.number().int().describe('F score 1…3 (3: buys most often)'),
  monetary: z.number().int().describe('M score 1…3 (3: highest total value)'),
  segmentId: z.string().nullable().describe('the cell’s segment id (null before the first recompute)'),
  clients: Count.describe('clients the last classification put in the cell'),
  revenue: z.number().describe('the lifetime purchase value of those clients'),
  clientShare: z.number().describe('clients ÷ clients in any cell (0…1)'),
  revenueShare: z.number().describe('revenue ÷ revenue of every cell (0…1)'),
});
export type RfmCellFigure = z.infer<typeof RfmCellFigure>;

export const RfmDistribution = z
  .object({
    cells: z.array(RfmCellFigure).describe('all 27 cells, R1F1M1 … R3F3M3 (empty ones with zeros)'),
    clients: Count.describe('clients in any cell'),
    revenue: z.number().describe('lifetime purchase value of the clients in any cell'),
  })
  .describe('the RFM distribution: clients, revenue and shares per cell');
export type RfmDistribution = z.infer<typeof RfmDistribution>;

export const LifecycleCellFigure = z.object({
  row: z.number().int().describe('purchase-count row 1…purchaseRows (the last: that many or more)'),
  column: z.number().int().describe('days column 0…dayColumns.length (the last: more than the last bound)'),
  stage: z.string().nullable().describe('the stage of the region holding the cell’s first day (null: none)'),
  clients: Count.describe('clients in the cell as of asOf'),
  revenue: z.number().describe('their lifetime purchase value'),
});
export type LifecycleCellFigure = z.infer<typeof LifecycleCellFigure>;

export const LifecycleGridFigures = z
  .object({
    asOf: z.string().describe('the moment the days since the last purchase are counted to'),
    dayColumns: z.array(z.number().int()).describe('each column’s inclusive upper bound in days'),
    purchaseRows: z.number().int().describe('rows by purchase count 1…n (the last is "n or more")'),
    cells: z.array(LifecycleCellFigure).describe('every cell, row by row (empty ones with zeros)'),
    stages: z
      .array(
        z.object({
          stage: z.string().describe('the stage (its segment key)'),
          segmentId: z
            .string()
            .nullable()
            .describe('the stage’s segment id (null before the first recompute)'),
        }),
      )
      .describe('the stages the grid’s regions name, in the settings’ order'),
  })
  .describe('the lifecycle grid: clients and revenue per purchase-count × days cell, with stages');
export type LifecycleGridFigures = z.infer<typeof LifecycleGridFigures>;

export const SegmentMoveFigure = z.object({
  from: z.string().nullable().describe('the cell or stage left (null: the client had none)'),
  to: z.string().nullable().describe('the cell or stage entered (null: the client has none now)'),
  moves: Count.describe('moves from → to in the period'),
  clients: Count.describe('distinct clients who made that move'),
});
export type SegmentMoveFigure = z.infer<typeof SegmentMoveFigure>;

export const TransitionMatrix = z
  .object({
    family: z.enum(['rfm', 'lifecycle']).describe('RFM cells or lifecycle stages'),
    from: z.string().describe('the period’s start, inclusive'),
    to: z.string().describe('the period’s end, exclusive'),
    moves: z.array(SegmentMoveFigure).describe('every non-empty from → to pair, by from then to'),
  })
  .describe('the from → to matrix of moves between cells or stages in a period');
export type TransitionMatrix = z.infer<typeof TransitionMatrix>;

/** A segment as the list and the editor read it (`GET /v1/segments`); the rule is the server's to check. */
export const SegmentItem = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  family: z.enum(['rule', 'rfm', 'lifecycle', 'overdue']),
  rule: z.unknown().nullable(),
  members: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SegmentItem = z.infer<typeof SegmentItem>;

export const SegmentMember = z.object({
  clientId: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type SegmentMember = z.infer<typeof SegmentMember>;

/** `POST /v1/segments/estimate`. */
export const SegmentEstimate = z.object({ count: z.number().int(), sample: z.array(SegmentMember) });
export type SegmentEstimate = z.infer<typeof SegmentEstimate>;

/** `GET /v1/segments/:id/members`. */
export const SegmentMembersPage = z.object({
  items: z.array(SegmentMember.extend({ since: z.string() })),
  nextCursor: z.string().nullable(),
});
export type SegmentMembersPage = z.infer<typeof SegmentMembersPage>;

/** `GET /v1/segments/:id/counts`. */
export const SegmentCountHistory = z.object({
  items: z.array(z.object({ day: z.string(), members: z.number().int() })),
});
export type SegmentCountHistory = z.infer<typeof SegmentCountHistory>;
