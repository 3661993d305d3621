import { z } from 'zod';
import { useAuthStore } from '../auth/auth-store';
import { endpoints } from './endpoints';
import {
  AudienceRun,
  AuditEntry,
  DeliverySettingsVersion,
  CallTaskPage,
  type CatalogItem,
  ClientListPage,
  Operator,
  ClientCard,
  ExitJob,
  type InFlightChoice,
  LifecycleResult,
  JourneyDetail,
  JourneyListItem,
  CheckpointSampleResult,
  JourneyStats,
  PublishResult,
  TimelineEntry,
  ValidateResult,
  JourneyVersion,
  MessageTemplate,
  MigrationReportAnswer,
  OfferItem,
  SandboxMail,
  SandboxSms,
  EventTypeSummary,
  GlobalControlReport,
  GlobalControlSettingAnswer,
  type CallOutcome,
  TestPathResult,
  FunnelTaxonomyResponse,
  ForecastJob,
  JourneyReport,
  JourneyUplift,
  type AttributionMode,
  type FunnelActionRule,
} from './schemas';

/** The report's query: every field optional, as the server defaults them. */
export interface ReportQuery {
  version?: number;
  from?: string;
  to?: string;
  attribution?: AttributionMode;
  target?: string;
  taxonomyVersion?: number;
}

/** Thrown for any non-2xx answer; `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** One call to the API, its answer parsed with `schema`; other pages' clients (segments) build on it. */
export async function request<T>(schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> {
  const apiKey = useAuthStore.getState().apiKey;
  const response = await fetchWithKey(path, apiKey, init);
  const body = await readBody(response);
  // A key the server no longer accepts (revoked, or the server restarted with a new one): ask for
  // another instead of showing every page's error box. A key changed meanwhile is left alone.
  const auth = useAuthStore.getState();
  if (response.status === 401 && auth.apiKey === apiKey) auth.reject();
  if (response.ok && apiKey !== null && !auth.hasWorked) auth.markWorking();
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'message' in body
        ? String(body.message)
        : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, body);
  }
  return schema.parse(body);
}

/** The answer's JSON; a body that is not JSON (a proxy's error page) is kept as its text. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (response.ok) throw error;
    return text;
  }
}

export async function fetchWithKey(
  path: string,
  apiKey: string | null,
  init?: RequestInit,
): Promise<Response> {
  try {
    return await fetch(path, {
      ...init,
      headers: {
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
        // A caller's own content type wins (a CSV upload is text/csv).
        ...(init?.headers as Record<string, string> | undefined),
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
    });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Whether the server accepts `apiKey` (it can read the journey list): 'accepted', 'rejected'
 * (401/403), or throws ApiError with status 0 when the server cannot be reached.
 */
async function checkApiKey(apiKey: string): Promise<'accepted' | 'rejected'> {
  const response = await fetchWithKey(endpoints.journeys(), apiKey);
  if (response.ok) return 'accepted';
  if (response.status === 401 || response.status === 403) return 'rejected';
  throw new ApiError(response.status, `${response.status} ${response.statusText}`, await readBody(response));
}

/** The server wraps lists as `{ items }`. */
const listOf = <T>(item: z.ZodType<T>) => z.object({ items: z.array(item) }).transform((body) => body.items);

const send = (method: string, body?: unknown): RequestInit => ({
  method,
  body: body === undefined ? undefined : JSON.stringify(body),
});
const Ok = z.unknown();

/** What the builder reads of a completion: the follow-up call a callback time queued. */
const CompletedCall = z.object({
  callback: z.object({ taskId: z.string() }).nullable().default(null),
});

const JourneyPage = z.object({ items: z.array(JourneyListItem), nextCursor: z.string().nullable() });

/** Every journey: the server answers a page at a time, so this follows `nextCursor` to the last page. */
async function listJourneys(): Promise<JourneyListItem[]> {
  const journeys: JourneyListItem[] = [];
  let cursor: string | null = null;
  do {
    const page: z.infer<typeof JourneyPage> = await request(JourneyPage, endpoints.journeyPage(cursor));
    journeys.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return journeys;
}

/** The typed HTTP client of the builder: one function per server endpoint. */
export const api = {
  checkApiKey,
  listJourneys,
  listJourneyPage: (query: Parameters<typeof endpoints.journeyListPage>[0]) =>
    request(JourneyPage, endpoints.journeyListPage(query)),
  createJourney: (name: string, definition: unknown) =>
    request(JourneyDetail, endpoints.journeys(), send('POST', { name, definition })),
  getJourney: (journeyId: string) => request(JourneyDetail, endpoints.journey(journeyId)),
  saveDraft: (journeyId: string, name: string, definition: unknown) =>
    request(Ok, endpoints.journey(journeyId), send('PUT', { name, definition })),
  /** Runs one client through the saved draft or a version on the server's simulated clock (save first). */
  testPath: (journeyId: string, body: unknown) =>
    request(TestPathResult, endpoints.journeyTestPath(journeyId), send('POST', body)),
  /** Starts a forecast of the saved draft or a version over an audience (save first); answers the job. */
  startForecast: (journeyId: string, body: unknown) =>
    request(ForecastJob, endpoints.journeyForecast(journeyId), send('POST', body)),
  /** A forecast's progress and, once finished, its figures. */
  getForecast: (forecastId: string) => request(ForecastJob, endpoints.forecast(forecastId)),
  /** Checks the saved draft against the server's catalogs (save first). */
  validateJourney: (journeyId: string) =>
    request(ValidateResult, endpoints.journeyValidate(journeyId), send('POST')),
  /** Publishes the saved draft with its change summary (a blank summary is left out). */
  publishJourney: (journeyId: string, summary: string) =>
    request(
      PublishResult,
      endpoints.journeyPublish(journeyId),
      send('POST', summary.trim() ? { summary: summary.trim() } : {}),
    ),
  /** Pauses new entries; clients already inside continue or leave now (an exit job) as chosen. */
  pauseJourney: (journeyId: string, inFlight: InFlightChoice) =>
    request(LifecycleResult, endpoints.journeyPause(journeyId), send('POST', { inFlight })),
  resumeJourney: (journeyId: string) =>
    request(LifecycleResult, endpoints.journeyResume(journeyId), send('POST')),
  /** The journey's latest exit job, with how many clients have left so far. */
  getExitJob: (journeyId: string) => request(ExitJob, endpoints.journeyExitJob(journeyId)),
  listAudienceRuns: (journeyId: string) =>
    request(listOf(AudienceRun), endpoints.journeyAudienceRuns(journeyId)),
  listVersions: (journeyId: string) => request(listOf(JourneyVersion), endpoints.journeyVersions(journeyId)),
  /**
   * Plans (a dry run) or makes the move of clients waiting on `fromVersion` onto `toVersion`'s steps;
   * a real run answers once every mapped client's run has been told to move.
   */
  migrateClients: (
    journeyId: string,
    body: { fromVersion: number; toVersion: number; nodeMap: Record<string, string>; dryRun: boolean },
  ) => request(MigrationReportAnswer, endpoints.journeyMigrate(journeyId), send('POST', body)),
  getStats: (journeyId: string, query: { version?: number; from?: string; to?: string }) =>
    request(JourneyStats, `${endpoints.journeyStats(journeyId)}${toQuery(query)}`),
  /** Every figure of the analyst's report (docs/metrics.md) for one journey, version and period. */
  getReport: (journeyId: string, query: ReportQuery) =>
    request(JourneyReport, `${endpoints.journeyReport(journeyId)}${toQuery({ ...query })}`),
  /** The journey's (or one step's) uplift against its holdout, per stratum (docs/metrics.md, "Uplift"). */
  getUplift: (journeyId: string, query: { version?: number; node?: string }) =>
    request(JourneyUplift, `${endpoints.journeyUplift(journeyId)}${toQuery(query)}`),
  getGlobalControl: () => request(GlobalControlSettingAnswer, endpoints.globalControl()),
  /** Sets the global control share (admin keys only); assigned clients keep their group. */
  saveGlobalControl: (share: number) =>
    request(GlobalControlSettingAnswer, endpoints.globalControl(), send('PUT', { share })),
  /** All marketing's incremental revenue against the global control group. */
  getGlobalControlReport: () => request(GlobalControlReport, endpoints.globalControlReport()),
  getFunnelTaxonomy: () => request(FunnelTaxonomyResponse, endpoints.funnelTaxonomy()),
  /** Saves the funnel as a new taxonomy version (admin keys only); reports recompute with it. */
  saveFunnelTaxonomy: (actions: FunnelActionRule[]) =>
    request(FunnelTaxonomyResponse, endpoints.funnelTaxonomy(), send('PUT', { actions })),
  getDeliverySettings: () => request(DeliverySettingsVersion, endpoints.deliverySettings()),
  /** Saves the delivery settings as a new version (admin keys only); refused (409) over a newer one. */
  saveDeliverySettings: (policy: unknown, baseVersion: number) =>
    request(DeliverySettingsVersion, endpoints.deliverySettings(), send('PUT', { policy, baseVersion })),
  /** Saves of the delivery settings on the audit trail, newest first (admin keys only). */
  listDeliverySettingsChanges: () =>
    request(
      z.object({ entries: z.array(AuditEntry) }).transform((body) => body.entries),
      endpoints.auditEntries('delivery-settings.saved'),
    ),
  /** The journey's draft with its templates, as the file `importJourney` takes back. */
  exportJourney: (journeyId: string) =>
    request(z.record(z.string(), z.unknown()), endpoints.journeyExport(journeyId)),
  /** A new draft from a journey file, with the templates it needs. */
  importJourney: (file: unknown) =>
    request(
      z.object({ journey: z.object({ id: z.string(), name: z.string() }) }).transform((body) => body.journey),
      endpoints.journeyImport(),
      send('POST', file),
    ),
  /** Offers by key (what a journey's `offerId` names). */
  listOffers: () =>
    request(listOf(OfferItem), endpoints.offerCatalog()).then((items) =>
      items.map((offer): CatalogItem => ({ id: offer.key, name: offer.name })),
    ),
  /** A real client's checkpoint date, for the forms of steps timed against it. */
  getCheckpointSample: (source: string, attribute?: string) =>
    request(CheckpointSampleResult, endpoints.checkpointSample(source, attribute)),
  /** Event types received so far, most frequent first. */
  listEventTypes: () =>
    request(listOf(EventTypeSummary), endpoints.eventTypes()).then((items) =>
      [...items].sort((a, b) => b.count - a.count),
    ),
  /** Templates by key: one entry per key, whatever channels it has variants for. */
  listMessageTemplates: () =>
    request(listOf(MessageTemplate), endpoints.messageTemplates()).then(toTemplateItems),
  /** One page of the operators' queue, with the counts per state under the same filters. */
  listCallTasks: (query: Parameters<typeof endpoints.callTaskPage>[0]) =>
    request(CallTaskPage, endpoints.callTaskPage(query)),
  listOperators: () => request(listOf(Operator), endpoints.operators()),
  addOperator: (name: string, email: string) =>
    request(Operator, endpoints.operators(), send('POST', { name, email })),
  claimCallTask: (taskId: string, operatorId: string) =>
    request(Ok, endpoints.callTaskClaim(taskId), send('POST', { operatorId })),
  releaseCallTask: (taskId: string, operatorId: string) =>
    request(Ok, endpoints.callTaskRelease(taskId), send('POST', { operatorId })),
  /** Records the outcome as `operatorId`; a callback time queues the next call then. */
  completeCallTask: (
    taskId: string,
    body: { outcome: CallOutcome; note: string; operatorId: string | null; callbackAt?: string | undefined },
  ) =>
    request(
      CompletedCall,
      endpoints.callTaskComplete(taskId),
      send('POST', {
        outcome: body.outcome,
        ...(body.note ? { note: body.note } : {}),
        ...(body.operatorId ? { operatorId: body.operatorId } : {}),
        ...(body.callbackAt ? { callbackAt: body.callbackAt } : {}),
      }),
    ),
  listClients: (query: Parameters<typeof endpoints.clientPage>[0]) =>
    request(ClientListPage, endpoints.clientPage(query)),
  getClient: (clientId: string) => request(ClientCard, endpoints.client(clientId)),
  getClientTimeline: (clientId: string) =>
    request(
      z.object({ items: z.array(TimelineEntry) }).transform((body) => body.items),
      endpoints.clientTimeline(clientId),
    ),
  /** What the demo's loopback mail server received, newest first. */
  listSandboxMail: () => request(listOf(SandboxMail), `${endpoints.sandboxMail()}?limit=200`),
  /** What the demo's loopback SMS provider received, newest first. */
  listSandboxSms: () => request(listOf(SandboxSms), `${endpoints.sandboxSms()}?limit=200`),
};

function toTemplateItems(templates: z.infer<typeof MessageTemplate>[]): CatalogItem[] {
  const byKey = new Map<string, CatalogItem>();
  for (const template of templates) {
    const known = byKey.get(template.key);
    byKey.set(template.key, {
      id: template.key,
      name: template.name,
      channel: known?.channel ? `${known.channel}, ${template.channel}` : template.channel,
    });
  }
  return [...byKey.values()];
}

function toQuery(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
