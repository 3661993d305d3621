import {
  callTasks,
  enrollments,
  funnelActions,
  journeys,
  messages,
  nodeVisits,
  purchases,
  type Executor,
} from '@touchpoint/db';
import { asc, eq, inArray } from 'drizzle-orm';
import { findClientByExternalId } from './find-client-by-external-id';

/**
 * The rows of everything that happened to one client, for the timeline: enrollments (with their
 * journey's name), the node visits of those enrollments, messages, funnel actions, call tasks and
 * purchases (oldest first). Undefined when the CRM knows no such client.
 */
export async function loadClientHistory(db: Executor, externalId: string) {
  const client = await findClientByExternalId(db, externalId);
  if (client === undefined) return undefined;
  const enrollmentRows = await db
    .select({ enrollment: enrollments, journeyName: journeys.name })
    .from(enrollments)
    .innerJoin(journeys, eq(journeys.id, enrollments.journeyId))
    .where(eq(enrollments.clientId, client.id));
  const enrollmentIds = [...new Set(enrollmentRows.map((row) => row.enrollment.id))];
  const [visitRows, messageRows, actionRows, taskRows, purchaseRows] = await Promise.all([
    enrollmentIds.length === 0
      ? []
      : db.select().from(nodeVisits).where(inArray(nodeVisits.enrollmentId, enrollmentIds)),
    db.select().from(messages).where(eq(messages.clientId, client.id)),
    db.select().from(funnelActions).where(eq(funnelActions.clientId, client.id)),
    db.select().from(callTasks).where(eq(callTasks.clientId, client.id)),
    db.select().from(purchases).where(eq(purchases.clientId, client.id)).orderBy(asc(purchases.purchasedAt)),
  ]);
  return {
    client: { id: client.id, externalId: client.externalId },
    enrollments: enrollmentRows,
    visits: visitRows,
    messages: messageRows,
    funnelActions: actionRows,
    callTasks: taskRows,
    purchases: purchaseRows,
  };
}
