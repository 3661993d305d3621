import { useState } from 'react';
import { CALL_QUEUE_SORTS, type CallQueueSort } from '@touchpoint/language';
import { api } from '../api/client';
import { CALL_OUTCOMES, type CallTask, type CallTaskPage } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from './api-view';
import { CallTaskView } from './call-task-view';
import { useSettled } from './use-settled';
import { OperatorPicker, useOperatorStore } from './operator-picker';
import { TabButton } from './tab-button';

/** Calls per page of the queue. */
export const CALLS_PER_PAGE = 20;

const TABS = ['open', 'claimed', 'completed'] as const;
type Tab = (typeof TABS)[number];

interface QueueFilter {
  tab: Tab;
  q: string;
  journeyId: string;
  outcome: string;
  sort: CallQueueSort;
}

function QueueFilters(props: {
  filter: QueueFilter;
  search: string;
  onSearch: (text: string) => void;
  onChange: (next: Partial<QueueFilter>) => void;
}) {
  const t = useT();
  const [journeys] = useApi(() => api.listJourneys(), 'journeys');
  const { filter, onChange } = props;
  return (
    <div className="list-filters">
      <input
        type="search"
        value={props.search}
        placeholder={t('operator.search')}
        aria-label={t('operator.search')}
        onChange={(event) => props.onSearch(event.target.value)}
        data-testid="call-search"
      />
      <select
        aria-label={t('clients.journey')}
        value={filter.journeyId}
        onChange={(event) => onChange({ journeyId: event.target.value })}
      >
        <option value="">{t('operator.anyJourney')}</option>
        {journeys.status === 'ready' &&
          journeys.data.map((journey) => (
            <option key={journey.id} value={journey.id}>
              {journey.name}
            </option>
          ))}
      </select>
      <label>
        {t('operator.sort')}{' '}
        <select
          value={filter.sort}
          onChange={(event) =>
            onChange({ sort: CALL_QUEUE_SORTS.find((s) => s === event.target.value) ?? 'priority' })
          }
          data-testid="call-sort"
        >
          {CALL_QUEUE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`operator.sort.${sort}`)}
            </option>
          ))}
        </select>
      </label>
      {filter.tab === 'completed' && (
        <select
          aria-label={t('operator.outcome')}
          value={filter.outcome}
          onChange={(event) => onChange({ outcome: event.target.value })}
          data-testid="call-outcome-filter"
        >
          <option value="">{t('operator.anyOutcome')}</option>
          {CALL_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`operator.outcome.${outcome}`)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function QueueTabs({
  tab,
  counts,
  onTab,
}: {
  tab: Tab;
  counts: CallTaskPage['counts'] | null;
  onTab: (tab: Tab) => void;
}) {
  const t = useT();
  return (
    <div className="queue-tabs" role="tablist">
      {TABS.map((name) => (
        <TabButton key={name} isSelected={tab === name} onSelect={() => onTab(name)}>
          {t(`operator.tab.${name}`, { count: counts?.[name] ?? '…' })}
        </TabButton>
      ))}
      {counts !== null && counts.slaBreached > 0 && (
        <span className="sla" data-testid="late-count">
          {t('operator.lateCount', { count: counts.slaBreached })}
        </span>
      )}
    </div>
  );
}

function QueueItem({
  task,
  isActive,
  onSelect,
}: {
  task: CallTask;
  isActive: boolean;
  onSelect: () => void;
}) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const due = task.dueAt
    ? new Date(task.dueAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })
    : null;
  return (
    <li>
      <button
        type="button"
        className={isActive ? 'active' : undefined}
        onClick={onSelect}
        data-testid={`call-task-${task.client.id}`}
      >
        <strong>{task.client.name ?? task.client.id}</strong>
        <span className="muted">
          {task.client.phone ?? ''} · {t('operator.priority', { priority: task.priority })}
          {task.isSlaBreached && <span className="sla"> · {t('operator.slaBreached')}</span>}
        </span>
        {due && <span className="muted">{t('operator.due', { time: due })}</span>}
      </button>
    </li>
  );
}

function Pager(props: { offset: number; shown: number; total: number; onOffset: (offset: number) => void }) {
  const t = useT();
  const { offset, shown, total } = props;
  return (
    <nav className="pager" aria-label={t('operator.queue')}>
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => props.onOffset(Math.max(0, offset - CALLS_PER_PAGE))}
      >
        ← {t('operator.previousPage')}
      </button>
      <span data-testid="call-range">
        {t('operator.range', { from: total === 0 ? 0 : offset + 1, to: offset + shown, total })}
      </span>
      <button
        type="button"
        disabled={offset + shown >= total}
        onClick={() => props.onOffset(offset + CALLS_PER_PAGE)}
      >
        {t('operator.nextPage')} →
      </button>
    </nav>
  );
}

/**
 * The call-center operator's page: who is working, the queue by state with its counts, searched,
 * filtered and ordered, a page at a time, and the chosen call to take, record or give back.
 */
export function OperatorPage() {
  const t = useT();
  const operatorId = useOperatorStore((state) => state.operatorId);
  const [search, setSearch] = useState('');
  const q = useSettled(search);
  const [choice, setChoice] = useState<Omit<QueueFilter, 'q'>>({
    tab: 'open',
    journeyId: '',
    outcome: '',
    sort: 'priority',
  });
  const filter: QueueFilter = { ...choice, q: q.trim() };
  const filterKey = JSON.stringify(filter);
  const [paging, setPaging] = useState({ filterKey, offset: 0 });
  // A new search or filter starts again from the first page.
  const offset = paging.filterKey === filterKey ? paging.offset : 0;
  const [queue, reload] = useApi(
    () =>
      api.listCallTasks({
        status: filter.tab,
        q: filter.q,
        journeyId: filter.journeyId,
        outcome: filter.tab === 'completed' ? filter.outcome : undefined,
        sort: filter.sort,
        operatorId: operatorId ?? undefined,
        limit: CALLS_PER_PAGE,
        offset,
      }),
    `call-tasks|${filterKey}|${offset}|${operatorId ?? ''}`,
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const change = (next: Partial<QueueFilter>) => setChoice((current) => ({ ...current, ...next }));
  return (
    <div className="operator-page">
      <h1>{t('operator.title')}</h1>
      <OperatorPicker />
      <QueueFilters filter={filter} search={search} onSearch={setSearch} onChange={change} />
      <QueueTabs
        tab={filter.tab}
        counts={queue.status === 'ready' ? queue.data.counts : null}
        onTab={(tab) => change({ tab })}
      />
      <ApiView state={queue} reload={reload}>
        {({ items, total }) => {
          const selected = items.find((task) => task.id === selectedId) ?? items[0] ?? null;
          if (items.length === 0) {
            const isEmptyQueue = filter.tab === 'open' && filter.q === '' && filter.journeyId === '';
            return (
              <p className="empty">{isEmptyQueue ? t('operator.emptyQueue') : t('operator.emptyTab')}</p>
            );
          }
          return (
            <div className="operator-layout">
              <section className="operator-queue" aria-label={t('operator.queue')}>
                <ul>
                  {items.map((task) => (
                    <QueueItem
                      key={task.id}
                      task={task}
                      isActive={task.id === selected?.id}
                      onSelect={() => setSelectedId(task.id)}
                    />
                  ))}
                </ul>
                <Pager
                  offset={offset}
                  shown={items.length}
                  total={total}
                  onOffset={(next) => setPaging({ filterKey, offset: next })}
                />
              </section>
              {selected && (
                <CallTaskView
                  key={selected.id}
                  task={selected}
                  operatorId={operatorId}
                  onChange={reload}
                  onMoved={(tab, taskId) => {
                    setSelectedId(taskId);
                    if (tab === filter.tab) reload();
                    else change({ tab });
                  }}
                />
              )}
            </div>
          );
        }}
      </ApiView>
    </div>
  );
}
