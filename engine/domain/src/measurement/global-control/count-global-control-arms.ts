import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { selectRows } from '../select-rows';

/** The global experiment's key in `holdout_assignments` (the language's `GLOBAL_EXPERIMENT_KEY`). */
const GLOBAL_KEY = 'global';

/** One arm of the global control experiment as sums, so the estimators need no client rows. */
export interface GlobalControlArm {
  clients: number;
  /** Clients who bought at least once in the window after their assignment. */
  buyers: number;
  revenue: number;
  revenueSquares: number;
}

/** Both arms: clients kept out of every promotional journey (`control`) and those who were not. */
export interface GlobalControlArms {
  treated: GlobalControlArm;
  control: GlobalControlArm;
}

/**
 * Counts the global control experiment's arms (docs/metrics.md, "Global control report"): every client
 * with a `global` assignment (made when they first entered a promotional journey while the share was
 * above 0), control when held out. Revenue per client is Σ purchase value in
 * `(assigned_at, assigned_at + revenueDays]`, 0 for non-buyers, whatever journey (or none) the client
 * was in: the report asks what all marketing together added.
 */
export async function countGlobalControlArms(
  db: Executor,
  scope: { revenueDays: number },
): Promise<GlobalControlArms> {
  const rows = await selectRows<{
    control: boolean;
    clients: number;
    buyers: number;
    revenue: number;
    revenue_squares: number;
  }>(
    db,
    sql`
    with per_client as (
      select a.is_holdout as control,
        coalesce((select sum(p.value) from purchases p where p.client_id = a.client_id
          and p.purchased_at > a.assigned_at
          and p.purchased_at <= a.assigned_at + make_interval(days => ${scope.revenueDays})), 0)::float8 as revenue,
        exists (select 1 from purchases p where p.client_id = a.client_id
          and p.purchased_at > a.assigned_at
          and p.purchased_at <= a.assigned_at + make_interval(days => ${scope.revenueDays})) as bought
      from holdout_assignments a
      where a.experiment_key = ${GLOBAL_KEY}
    )
    select control, count(*)::int as clients, count(*) filter (where bought)::int as buyers,
      coalesce(sum(revenue), 0)::float8 as revenue, coalesce(sum(revenue * revenue), 0)::float8 as revenue_squares
    from per_client group by control`,
  );
  const arm = (control: boolean): GlobalControlArm => {
    const row = rows.find((r) => r.control === control);
    return row
      ? {
          clients: row.clients,
          buyers: row.buyers,
          revenue: row.revenue,
          revenueSquares: row.revenue_squares,
        }
      : { clients: 0, buyers: 0, revenue: 0, revenueSquares: 0 };
  };
  return { treated: arm(false), control: arm(true) };
}

/** One journey's enrollments of globally assigned clients, by whether the global group held them out. */
export interface GlobalControlJourneyRow {
  journeyId: string;
  name: string;
  /** The current version's purpose; `transactional` journeys deliver to global controls too. */
  purpose: string;
  treatedEnrollments: number;
  globalControlEnrollments: number;
}

/**
 * Per journey, the enrollments of clients the global experiment assigned: held out by it
 * (`control_group = 'global'`) or not. A transactional journey's enrollments of control clients count
 * as not held out: they are exempt.
 */
export async function countGlobalControlJourneys(db: Executor): Promise<GlobalControlJourneyRow[]> {
  const rows = await selectRows<{
    journey_id: string;
    name: string;
    purpose: string | null;
    treated: number;
    held: number;
  }>(
    db,
    sql`
    select e.journey_id, j.name, v.definition #>> '{settings,purpose}' as purpose,
      count(*) filter (where e.control_group is distinct from 'global')::int as treated,
      count(*) filter (where e.control_group = 'global')::int as held
    from enrollments e
    join holdout_assignments a on a.experiment_key = ${GLOBAL_KEY} and a.client_id = e.client_id
    join journeys j on j.id = e.journey_id
    left join journey_versions v on v.journey_id = j.id and v.number = j.current_version
    group by e.journey_id, j.name, v.definition #>> '{settings,purpose}'
    order by j.name, e.journey_id`,
  );
  return rows.map((r) => ({
    journeyId: r.journey_id,
    name: r.name,
    purpose: r.purpose ?? 'promotional',
    treatedEnrollments: r.treated,
    globalControlEnrollments: r.held,
  }));
}
