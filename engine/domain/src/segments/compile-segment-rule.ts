import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { clientFacts } from '@touchpoint/db';
import { clients } from '@touchpoint/db';
import { events } from '@touchpoint/db';
import { segmentMemberships, segments } from '@touchpoint/db';
import { daysSinceLastPurchaseSql, overdueSql } from './fact-sql';
import type { Comparison, SegmentFact, SegmentRule } from './segment-rule';

const DAY_MS = 86_400_000;

const OPERATORS: Record<Comparison, SQL> = {
  eq: sql`=`,
  ne: sql`<>`,
  lt: sql`<`,
  lte: sql`<=`,
  gt: sql`>`,
  gte: sql`>=`,
};

function factSql(fact: SegmentFact, asOf: Date): SQL {
  switch (fact) {
    case 'purchaseCount':
      return sql`coalesce(${clientFacts.purchaseCount}, 0)`;
    case 'totalValue':
      return sql`coalesce(${clientFacts.totalValue}, 0)`;
    case 'averageValue':
      return sql`${clientFacts.averageValue}`;
    case 'daysSinceLastPurchase':
      return daysSinceLastPurchaseSql(asOf);
    case 'meanIntervalDays':
      return sql`${clientFacts.meanIntervalDays}`;
    case 'recencyScore':
      return sql`substr(${clientFacts.rfmCell}, 2, 1)::int`;
    case 'frequencyScore':
      return sql`substr(${clientFacts.rfmCell}, 4, 1)::int`;
    case 'monetaryScore':
      return sql`substr(${clientFacts.rfmCell}, 6, 1)::int`;
  }
}

function attributeSql(rule: Extract<SegmentRule, { kind: 'attribute' }>): SQL {
  const value = sql`(${clients.attributes} -> ${rule.key})`;
  switch (rule.op) {
    case 'exists':
      return sql`(${clients.attributes} ? ${rule.key})`;
    case 'eq':
      return sql`${value} = ${JSON.stringify(rule.value)}::jsonb`;
    case 'ne':
      return sql`${value} <> ${JSON.stringify(rule.value)}::jsonb`;
    case 'in':
      return sql`${value} in (${sql.join(
        (rule.value as unknown[]).map((item) => sql`${JSON.stringify(item)}::jsonb`),
        sql`, `,
      )})`;
    default:
      // Only numbers compare in order; text that is not a number never matches (and never fails the query).
      return sql`(case when jsonb_typeof(${value}) = 'number' then (${value})::numeric end) ${OPERATORS[rule.op]} ${rule.value as number}`;
  }
}

function eventSql(rule: Extract<SegmentRule, { kind: 'event' }>, asOf: Date): SQL {
  const since = new Date(asOf.getTime() - rule.withinDays * DAY_MS).toISOString();
  const count = sql`(select count(*) from ${events} where ${events.clientId} = ${clients.id} and ${events.type} = ${rule.type} and ${events.occurredAt} > ${since}::timestamptz and ${events.occurredAt} <= ${asOf.toISOString()}::timestamptz)`;
  return rule.performed ? sql`${count} >= ${rule.minCount}` : sql`${count} < ${rule.minCount}`;
}

/**
 * The rule as one SQL condition over `clients` left-joined with `client_facts` on the client, as of
 * `asOf` (day counts and event windows end then). Every leaf is coalesced to false, so `not` of a
 * condition on a missing fact (a client without purchases) is true, as a marketer reads it.
 */
export function compileSegmentRule(rule: SegmentRule, asOf: Date): SQL {
  switch (rule.kind) {
    case 'and':
      return sql`(${sql.join(
        rule.rules.map((r) => compileSegmentRule(r, asOf)),
        sql` and `,
      )})`;
    case 'or':
      return sql`(${sql.join(
        rule.rules.map((r) => compileSegmentRule(r, asOf)),
        sql` or `,
      )})`;
    case 'not':
      return sql`(not ${compileSegmentRule(rule.rule, asOf)})`;
    default:
      return sql`coalesce(${compileLeaf(rule, asOf)}, false)`;
  }
}

function compileLeaf(rule: Exclude<SegmentRule, { kind: 'and' | 'or' | 'not' }>, asOf: Date): SQL {
  switch (rule.kind) {
    case 'fact':
      // float8: a parameter beside an integer fact would be read as an integer, and 1e151 is none.
      return sql`${factSql(rule.fact, asOf)} ${OPERATORS[rule.op]} ${rule.value}::float8`;
    case 'overdue':
      return rule.is ? overdueSql(asOf) : sql`not ${overdueSql(asOf)}`;
    case 'rfmCell':
      return sql`${clientFacts.rfmCell} in (${sql.join(
        rule.in.map((cell) => sql`${cell}`),
        sql`, `,
      )})`;
    case 'lifecycleStage':
      return sql`${clientFacts.lifecycleStage} in (${sql.join(
        rule.in.map((stage) => sql`${stage}`),
        sql`, `,
      )})`;
    case 'attribute':
      return attributeSql(rule);
    case 'tag':
      // A client without tags has none of them: `not` must see false there, not null.
      return rule.has
        ? sql`coalesce(${clients.attributes} -> 'tags' ? ${rule.tag}, false)`
        : sql`not coalesce(${clients.attributes} -> 'tags' ? ${rule.tag}, false)`;
    case 'event':
      return eventSql(rule, asOf);
    case 'segment': {
      const member = sql`exists (select 1 from ${segmentMemberships} join ${segments} on ${segments.id} = ${segmentMemberships.segmentId} where ${segments.key} = ${rule.segment} and ${segmentMemberships.clientId} = ${clients.id} and ${segmentMemberships.isMember})`;
      return rule.isMember ? member : sql`not ${member}`;
    }
  }
}
