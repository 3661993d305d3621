import { z } from 'zod';
import { endpoints } from './endpoints';
import {
  CallTask,
  type CatalogItem,
  ClientCard,
  JourneyDetail,
  JourneyStats,
  JourneySummary,
  PublishResult,
  TimelineEntry,
  ValidateResult,
  JourneyVersion,
  MessageTemplate,
  OfferItem,
  type CallOutcome,
} from './schemas';

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

async function request<T>(schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
        ...authHeader(),
      },
    });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'message' in body
        ? String(body.message)
        : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, body);
  }
  return schema.parse(body);
}

/** Where the API key is kept in the browser (the API wants `authorization: Bearer <key>`). */
export const API_KEY_STORAGE = 'touchpoint.apiKey';

function authHeader(): Record<string, string> {
  const key = typeof localStorage === 'undefined' ? null : localStorage.getItem(API_KEY_STORAGE);
  return key ? { authorization: `Bearer ${key}` } : {};
}

/** The server wraps lists as `{ items }`. */
const listOf = <T>(item: z.ZodType<T>) => z.object({ items: z.array(item) }).transform((body) => body.items);

const send = (method: string, body?: unknown): RequestInit => ({
  method,
  body: body === undefined ? undefined : JSON.stringify(body),
});
const Ok = z.unknown();

/** The typed HTTP client of the builder: one function per server endpoint. */
export const api = {
  listJourneys: () => request(listOf(JourneySummary), endpoints.journeys()),
  createJourney: (name: string, definition: unknown) =>
    request(JourneyDetail, endpoints.journeys(), send('POST', { name, definition })),
  getJourney: (journeyId: string) => request(JourneyDetail, endpoints.journey(journeyId)),
  saveDraft: (journeyId: string, name: string, definition: unknown) =>
    request(Ok, endpoints.journey(journeyId), send('PUT', { name, definition })),
  /** Checks the saved draft against the server's catalogs (save first). */
  validateJourney: (journeyId: string) =>
    request(ValidateResult, endpoints.journeyValidate(journeyId), send('POST')),
  /** Publishes the saved draft; the change summary is not stored by the server yet. */
  publishJourney: (journeyId: string) =>
    request(PublishResult, endpoints.journeyPublish(journeyId), send('POST')),
  pauseJourney: (journeyId: string) => request(Ok, endpoints.journeyPause(journeyId), send('POST')),
  resumeJourney: (journeyId: string) => request(Ok, endpoints.journeyResume(journeyId), send('POST')),
  listVersions: (journeyId: string) => request(listOf(JourneyVersion), endpoints.journeyVersions(journeyId)),
  getStats: (journeyId: string, query: { version?: number; from?: string; to?: string }) =>
    request(JourneyStats, `${endpoints.journeyStats(journeyId)}${toQuery(query)}`),
  /** Offers by key (what a journey's `offerId` names). */
  listOffers: () =>
    request(listOf(OfferItem), endpoints.offerCatalog()).then((items) =>
      items.map((offer): CatalogItem => ({ id: offer.key, name: offer.name })),
    ),
  /** Templates by key: one entry per key, whatever channels it has variants for. */
  listMessageTemplates: () =>
    request(listOf(MessageTemplate), endpoints.messageTemplates()).then(toTemplateItems),
  listCallTasks: () => request(listOf(CallTask), `${endpoints.callTasks()}?status=open,claimed`),
  completeCallTask: (taskId: string, outcome: CallOutcome, note: string) =>
    request(Ok, endpoints.callTaskComplete(taskId), send('POST', { outcome, ...(note ? { note } : {}) })),
  getClient: (clientId: string) => request(ClientCard, endpoints.client(clientId)),
  getClientTimeline: (clientId: string) =>
    request(
      z.object({ items: z.array(TimelineEntry) }).transform((body) => body.items),
      endpoints.clientTimeline(clientId),
    ),
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
