import type { JourneyDefinition } from './definition';
import { describeCronProblem } from './cron';
import { durationToMs } from './duration';
import type { EventMatcher } from './filters';
import type { ChannelKind } from './vocabulary';
import type { CallOutcomeWait, JourneyNode, Offer } from './nodes';
import { PROBLEM_CODES } from './problems';
import type { JourneyCatalog, JourneyProblem, ProblemCode } from './problems';
import { isValidTimeZone } from './time-of-day';

type Report = (code: ProblemCode, message: string) => void;

function checkUniqueIds(items: readonly { id: string }[], what: string, report: Report): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) report(PROBLEM_CODES.duplicateItemId, `${what} id "${item.id}" is used twice`);
    seen.add(item.id);
  }
}

function checkCatalogItem(
  list: readonly string[] | undefined,
  value: string,
  code: ProblemCode,
  what: string,
  report: Report,
): void {
  if (list !== undefined && !list.includes(value)) report(code, `${what} "${value}" is not in the catalog`);
}

/**
 * Every channel a send may fall back to must be configured and have a variant of its template: the
 * channel is chosen at send time, so a gap on any of them fails the client's run then.
 */
function checkChannels(
  send: { channels: readonly ChannelKind[]; templateId: string },
  catalog: JourneyCatalog,
  report: Report,
): void {
  for (const channel of send.channels) {
    if (catalog.channels !== undefined && !catalog.channels.includes(channel)) {
      report(PROBLEM_CODES.channelNotConfigured, `Channel "${channel}" is not configured on this deployment`);
    }
    const variants = catalog.templateChannels?.[send.templateId];
    if (variants !== undefined && !variants.includes(channel)) {
      report(
        PROBLEM_CODES.missingTemplateVariant,
        `Template "${send.templateId}" has no ${channel} variant (it has: ${variants.join(', ') || 'none'})`,
      );
    }
  }
}

/** A call wait needs a call to wait for, and names each outcome exit once. */
function checkCallOutcome(
  send: { channels: readonly ChannelKind[]; callOutcome?: CallOutcomeWait | undefined },
  report: Report,
): void {
  if (!send.callOutcome) return;
  if (!send.channels.includes('call'))
    report(
      PROBLEM_CODES.callOutcomeWithoutCall,
      'Waits for a call outcome but never calls: add the call channel',
    );
  const exits = send.callOutcome.exits;
  for (const [index, outcome] of exits.entries()) {
    if (exits.indexOf(outcome) !== index)
      report(PROBLEM_CODES.duplicateItemId, `Call outcome exit "${outcome}" is listed twice`);
  }
}

function checkEvent(event: EventMatcher, catalog: JourneyCatalog, report: Report): void {
  checkCatalogItem(catalog.eventTypes, event.type, PROBLEM_CODES.unknownEvent, 'Event type', report);
}

function checkOffer(offer: Offer | undefined, catalog: JourneyCatalog, report: Report): void {
  if (offer) checkCatalogItem(catalog.offerIds, offer.offerId, PROBLEM_CODES.unknownOffer, 'Offer', report);
}

function checkSegment(segment: string, catalog: JourneyCatalog, report: Report): void {
  checkCatalogItem(catalog.segments, segment, PROBLEM_CODES.unknownSegment, 'Segment', report);
}

function checkEntry(
  node: Extract<JourneyNode, { kind: 'entry' }>,
  catalog: JourneyCatalog,
  report: Report,
): void {
  const trigger = node.config.trigger;
  if (trigger.kind === 'event') checkEvent(trigger.event, catalog, report);
  if (trigger.kind === 'segment' || trigger.kind === 'schedule')
    checkSegment(trigger.segment, catalog, report);
  const cronProblem = trigger.kind === 'schedule' ? describeCronProblem(trigger.cron) : null;
  if (cronProblem !== null) report(PROBLEM_CODES.invalidCron, `Schedule cron: ${cronProblem}`);
}

function checkLadder(
  node: Extract<JourneyNode, { kind: 'escalationLadder' }>,
  catalog: JourneyCatalog,
  report: Report,
): void {
  const rungs = node.config.rungs;
  checkUniqueIds(rungs, 'Rung', report);
  rungs.forEach((rung, index) => {
    const previous = rungs[index - 1];
    if (previous && durationToMs(rung.offset) <= durationToMs(previous.offset)) {
      report(
        PROBLEM_CODES.rungsOutOfOrder,
        `Rung "${rung.id}" must come later than rung "${previous.id}" (offsets strictly increase)`,
      );
    }
    checkCatalogItem(catalog.templateIds, rung.templateId, PROBLEM_CODES.unknownTemplate, 'Template', report);
    const reportRung: Report = (code, message) => report(code, `Rung "${rung.id}": ${message}`);
    checkChannels(rung, catalog, reportRung);
    checkCallOutcome(rung, reportRung);
    checkOffer(rung.offer, catalog, report);
  });
}

function checkNode(
  node: JourneyNode,
  byId: ReadonlyMap<string, JourneyNode>,
  catalog: JourneyCatalog,
  report: Report,
): void {
  switch (node.kind) {
    case 'entry':
      return checkEntry(node, catalog, report);
    case 'wait':
    case 'exit':
      return;
    case 'waitForEvent':
      checkUniqueIds(node.config.exits, 'Event exit', report);
      for (const exit of node.config.exits) {
        checkEvent(exit.event, catalog, report);
        const scoped = exit.scope ? byId.get(exit.scope.nodeId) : undefined;
        if (exit.scope && scoped?.kind !== 'send' && scoped?.kind !== 'escalationLadder') {
          report(
            PROBLEM_CODES.invalidScope,
            `Event exit "${exit.id}" is scoped to node "${exit.scope.nodeId}", which is not a send or escalation node`,
          );
        }
      }
      return;
    case 'conditionSplit':
      checkUniqueIds(node.config.branches, 'Branch', report);
      for (const predicate of node.config.branches.flatMap((branch) => branch.condition.predicates)) {
        if (predicate.kind === 'segment') checkSegment(predicate.segment, catalog, report);
      }
      return;
    case 'randomSplit': {
      checkUniqueIds(node.config.variants, 'Variant', report);
      const total = node.config.variants.reduce((sum, variant) => sum + variant.weight, 0);
      if (total !== 100) report(PROBLEM_CODES.weightsNotHundred, `Variant weights sum to ${total}, not 100`);
      return;
    }
    case 'send':
      checkCatalogItem(
        catalog.templateIds,
        node.config.templateId,
        PROBLEM_CODES.unknownTemplate,
        'Template',
        report,
      );
      checkChannels(node.config, catalog, report);
      checkCallOutcome(node.config, report);
      return checkOffer(node.config.offer, catalog, report);
    case 'escalationLadder':
      return checkLadder(node, catalog, report);
    case 'updateClient': {
      const { setAttributes, addTags, removeTags } = node.config;
      if (Object.keys(setAttributes).length + addTags.length + removeTags.length === 0) {
        report(PROBLEM_CODES.emptyUpdate, 'The update sets no attribute and adds or removes no tag');
      }
      return;
    }
    case 'startJourney':
      return checkCatalogItem(
        catalog.journeyIds,
        node.config.journeyId,
        PROBLEM_CODES.unknownJourney,
        'Journey',
        report,
      );
    default: {
      const unhandled: never = node;
      throw new Error(`Unhandled node kind ${JSON.stringify(unhandled)}`);
    }
  }
}

/** Rules inside each node (weights, rung order, ids, catalog references, scopes). */
export function checkNodes(nodes: readonly JourneyNode[], catalog: JourneyCatalog): JourneyProblem[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const problems: JourneyProblem[] = [];
  for (const node of nodes) {
    checkNode(node, byId, catalog, (code, message) =>
      problems.push({ nodeId: node.id, code, message: `Node "${node.id}" (${node.kind}): ${message}` }),
    );
  }
  return problems;
}

/** Journey-wide rules: the goal event, the fallback time zone, the entry window. */
export function checkJourneySettings(
  definition: Pick<JourneyDefinition, 'goal' | 'settings'>,
  catalog: JourneyCatalog,
): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const report: Report = (code, message) => problems.push({ nodeId: null, code, message });
  if (definition.goal)
    checkEvent(definition.goal.event, catalog, (code, message) => report(code, `Goal: ${message}`));
  const zone = definition.settings.timezoneFallback;
  if (!isValidTimeZone(zone))
    report(PROBLEM_CODES.invalidTimeZone, `settings.timezoneFallback: "${zone}" is not an IANA time zone`);
  const { from, until } = definition.settings.entryWindow;
  if (from !== undefined && until !== undefined && Date.parse(until) < Date.parse(from)) {
    report(PROBLEM_CODES.invalidEntryWindow, 'settings.entryWindow: "until" is before "from"');
  }
  return problems;
}
