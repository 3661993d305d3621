import { api } from '../api/client';
import type { CallTask } from '../api/schemas';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { JourneyDraft } from '../canvas/draft';
import { useCatalogs } from '../forms/catalogs';
import { useT } from '../i18n/i18n';

/**
 * The step a task came from, by its drawn name: compiled steps carry the drawn node's id as their
 * first segment (`ladder/rung-2/send` belongs to the drawn `ladder`).
 */
export function findStepName(draft: unknown, nodeId: string): string | null {
  const parsed = JourneyDraft.safeParse(draft);
  if (!parsed.success) return null;
  const node = parsed.data.nodes.find(
    (candidate) => nodeId === candidate.id || nodeId.startsWith(`${candidate.id}/`),
  );
  return node ? (node.name ?? node.id) : null;
}

/** "Why we call": the journey and step that asked for this call, by name, linked to the journey. */
export function CallTaskContext({ task }: { task: CallTask }) {
  const t = useT();
  const journeyId = task.journeyId;
  const [journey] = useApi(
    () => (journeyId ? api.getJourney(journeyId) : Promise.resolve(null)),
    journeyId ?? 'none',
  );
  if (!journeyId) return <p>{t('operator.byHand')}</p>;
  const detail = journey.status === 'ready' ? journey.data : null;
  const step = detail && task.nodeId ? findStepName(detail.draft, task.nodeId) : null;
  return (
    <p>
      {t('operator.fromJourney')}{' '}
      <a href={formatRoute({ page: 'editor', journeyId })}>{detail?.name ?? journeyId}</a>
      {step && ` · ${t('operator.fromStep', { step })}`}
    </p>
  );
}

/** Offer parameters a marketer sets, by their names in the interface. */
const PERCENT_KEYS = new Set(['percent', 'discount', 'discountPercent']);

/** The offer the operator may make: its catalog name, then its parameters in words. */
export function CallTaskOffer({ offer }: { offer: Record<string, unknown> }) {
  const t = useT();
  const { offers } = useCatalogs();
  const { offerId, params, ...rest } = offer;
  const details = {
    ...(typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {}),
    ...rest,
  };
  const name =
    typeof offerId === 'string' ? (offers.find((item) => item.id === offerId)?.name ?? offerId) : null;
  return (
    <dl className="kv">
      {name && (
        <div>
          <dt>{t('field.offer')}</dt>
          <dd>{name}</dd>
        </div>
      )}
      {Object.entries(details).map(([key, value]) => (
        <div key={key}>
          <dt>{PERCENT_KEYS.has(key) ? t('field.discount') : key}</dt>
          <dd>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
