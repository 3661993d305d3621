import { useT, type MessageKey } from '../i18n/i18n';
import type { ActionRow, RowField } from './taxonomy-model';

type RowErrors = Partial<Record<RowField, string[]>>;

/** The server's words about one field, under it. */
function FieldError({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <div className="field-error" role="alert">
      {messages.join('; ')}
    </div>
  );
}

const TEXT_FIELDS: { field: RowField; key: keyof ActionRow; label: MessageKey; isWide?: boolean }[] = [
  { field: 'action', key: 'action', label: 'taxonomy.col.action' },
  { field: 'labels.en', key: 'labelEn', label: 'taxonomy.col.labelEn' },
  { field: 'labels.ru', key: 'labelRu', label: 'taxonomy.col.labelRu' },
  { field: 'windowDays', key: 'windowDays', label: 'taxonomy.col.window' },
  { field: 'eventTypes', key: 'eventTypes', label: 'taxonomy.col.eventTypes', isWide: true },
];

/** One action of the funnel: its fields, each with the server's error under it, and its place. */
export function TaxonomyRowEditor({
  row,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  row: ActionRow;
  index: number;
  count: number;
  errors: RowErrors;
  onChange: (row: ActionRow) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <tr data-testid={`taxonomy-row-${index}`}>
      <td className="taxonomy-depth">
        {index + 1}
        <button type="button" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('taxonomy.up')}>
          ↑
        </button>
        <button
          type="button"
          onClick={() => onMove(1)}
          disabled={index === count - 1}
          aria-label={t('taxonomy.down')}
        >
          ↓
        </button>
      </td>
      {TEXT_FIELDS.map(({ field, key, label, isWide }) => (
        <td key={field} className={errors[field] ? 'has-error' : undefined}>
          <input
            className={isWide ? 'wide' : field === 'windowDays' ? 'narrow' : undefined}
            aria-label={`${t(label)} ${index + 1}`}
            data-field={field}
            value={row[key]}
            onChange={(event) => onChange({ ...row, [key]: event.target.value })}
          />
          <FieldError messages={errors[field]} />
        </td>
      ))}
      <td>
        <button
          type="button"
          onClick={onRemove}
          aria-label={t('taxonomy.remove')}
          title={t('taxonomy.remove')}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}
