import { type FunnelTaxonomy } from '@touchpoint/language';

// An independent recount of the uplift's arms from stored rows, written from docs/metrics.md
// ("Uplift"), not from the product's queries: one value per enrollment, then strata merged by the
// documented rule for one-attribute strata (a stratum whose smaller arm has fewer than 10 clients
// joins `<attribute>=*`).

export interface RecountRows {
  taxonomy: FunnelTaxonomy;
  enrollments: {
    id: string;
    client_id: string;
    journey_version: number;
    entered_at: Date | string;
    stratum: string | null;
    control_group: string | null;
    status: string;
    exit_reason: string | null;
  }[];
  visits: { enrollment_id: string; node_id: string }[];
  events: { client_id: string; type: string; occurred_at: Date | string }[];
  purchases: { client_id: string; value: number; purchased_at: Date | string }[];
}

export interface RecountedEnrollment {
  converted: boolean;
  actions: Set<string>;
  revenue: number;
  pastSpend: number;
}

export interface RecountedStratum {
  stratum: string;
  treated: RecountedEnrollment[];
  control: RecountedEnrollment[];
}

const DAY = 86_400_000;
const time = (value: Date | string) => new Date(value).getTime();

export function recountUpliftCells(
  rows: RecountRows,
  scope: { version?: number; node?: string; revenueDays: number },
): RecountedStratum[] {
  const byStratum = new Map<string, RecountedStratum>();
  for (const e of rows.enrollments) {
    if (e.stratum === null || (e.control_group !== null && e.control_group !== 'journey')) continue;
    if (scope.version !== undefined && e.journey_version !== scope.version) continue;
    if (
      scope.node !== undefined &&
      !rows.visits.some((v) => v.enrollment_id === e.id && v.node_id.split('/')[0] === scope.node)
    )
      continue;
    const entered = time(e.entered_at);
    const actions = new Set<string>();
    for (const rule of rows.taxonomy)
      for (const ev of rows.events) {
        const at = time(ev.occurred_at);
        if (ev.client_id === e.client_id && rule.eventTypes.includes(ev.type))
          if (at > entered && at <= entered + rule.windowDays * DAY) actions.add(rule.action);
      }
    const spent = (from: number, to: number) =>
      rows.purchases
        .filter(
          (p) => p.client_id === e.client_id && time(p.purchased_at) > from && time(p.purchased_at) <= to,
        )
        .reduce((sum, p) => sum + p.value, 0);
    const recounted: RecountedEnrollment = {
      converted: e.status === 'completed' && e.exit_reason === 'converted',
      actions,
      revenue: spent(entered, entered + scope.revenueDays * DAY),
      pastSpend: spent(-Infinity, entered),
    };
    const stratum = byStratum.get(e.stratum) ?? { stratum: e.stratum, treated: [], control: [] };
    (e.control_group === 'journey' ? stratum.control : stratum.treated).push(recounted);
    byStratum.set(e.stratum, stratum);
  }
  const kept: RecountedStratum[] = [];
  const merged = new Map<string, RecountedStratum>();
  for (const s of byStratum.values()) {
    if (Math.min(s.treated.length, s.control.length) >= 10) {
      kept.push(s);
      continue;
    }
    const key = `${s.stratum.split('=')[0]}=*`;
    const into = merged.get(key) ?? { stratum: key, treated: [], control: [] };
    into.treated.push(...s.treated);
    into.control.push(...s.control);
    merged.set(key, into);
  }
  return [...kept, ...merged.values()].sort((a, b) => a.stratum.localeCompare(b.stratum));
}
