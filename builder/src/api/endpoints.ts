/**
 * Every HTTP path the builder calls, in one place so it is easy to line up with the server's
 * routes (engine/src/api/routes/). Paths are relative to the page origin: in development Vite
 * proxies /v1 to the API, in production the API serves this app itself.
 */
const enc = encodeURIComponent;

function queryString(query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).flatMap(([key, value]) =>
    value === undefined || value === '' ? [] : [[key, String(value)] as [string, string]],
  );
  return new URLSearchParams(entries).toString();
}

export const endpoints = {
  journeys: () => '/v1/journeys',
  /** One page of the journey list; with a cursor, the page after it. */
  journeyPage: (cursor: string | null) =>
    cursor ? `/v1/journeys?limit=200&cursor=${enc(cursor)}` : '/v1/journeys?limit=200',
  /** One page of the journey list as the list page shows it: searched by name, archived ones or not. */
  journeyListPage: (query: {
    q: string;
    archived: 'include' | 'exclude';
    limit: number;
    cursor: string | null;
  }) =>
    `/v1/journeys?${new URLSearchParams({
      limit: String(query.limit),
      archived: query.archived,
      ...(query.q.trim() && { q: query.q.trim() }),
      ...(query.cursor && { cursor: query.cursor }),
    }).toString()}`,
  journey: (journeyId: string) => `/v1/journeys/${enc(journeyId)}`,
  journeyValidate: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/validate`,
  journeyTestPath: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/test-path`,
  journeyForecast: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/forecast`,
  forecast: (forecastId: string) => `/v1/forecasts/${enc(forecastId)}`,
  journeyPublish: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/publish`,
  journeyPause: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/pause`,
  journeyResume: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/resume`,
  journeyExitJob: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/exit-job`,
  journeyAudienceRuns: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/audience-runs`,
  journeyVersions: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/versions`,
  journeyMigrate: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/migrate`,
  journeyStats: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/stats`,
  journeyReport: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/report`,
  journeyUplift: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/uplift`,
  funnelTaxonomy: () => '/v1/funnel-taxonomy',
  globalControl: () => '/v1/global-control',
  globalControlReport: () => '/v1/global-control/report',
  deliverySettings: () => '/v1/delivery-settings',
  /** The audit trail, newest first, of one action. */
  auditEntries: (action: string) =>
    `/v1/audit-entries?${new URLSearchParams({ action, limit: '20' }).toString()}`,
  journeyExport: (journeyId: string) => `/v1/journeys/${enc(journeyId)}/export`,
  journeyImport: () => '/v1/journeys/import',
  offerCatalog: () => '/v1/offers',
  eventTypes: () => '/v1/event-types',
  checkpointSample: (source: string, attribute?: string) =>
    `/v1/checkpoint-sample?${new URLSearchParams({ source, ...(attribute && { attribute }) }).toString()}`,
  messageTemplates: () => '/v1/templates',
  callTasks: () => '/v1/call-tasks',
  /** One page of the queue under the operator's filters (empty values are left out). */
  callTaskPage: (query: Record<string, string | number | undefined>) =>
    `/v1/call-tasks?${queryString(query)}`,
  callTaskClaim: (taskId: string) => `/v1/call-tasks/${enc(taskId)}/claim`,
  callTaskRelease: (taskId: string) => `/v1/call-tasks/${enc(taskId)}/release`,
  callTaskComplete: (taskId: string) => `/v1/call-tasks/${enc(taskId)}/complete`,
  operators: () => '/v1/operators',
  /** One page of the client list: search, segment, journey, and the cursor of the page before. */
  clientPage: (query: Record<string, string | number | undefined>) => `/v1/clients?${queryString(query)}`,
  client: (clientId: string) => `/v1/clients/${enc(clientId)}`,
  clientTimeline: (clientId: string) => `/v1/clients/${enc(clientId)}/timeline`,
  sandboxMail: () => '/v1/sandbox/mail',
  sandboxSms: () => '/v1/sandbox/sms',
} as const;
