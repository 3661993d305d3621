import { NODE_KINDS, type NodeKind } from '@touchpoint/language';
import { useT } from '../i18n/i18n';
import { NODE_LOOKS } from '../nodes/looks';

/** The drag payload type a palette item carries onto the canvas. */
export const PALETTE_MIME = 'application/x-touchpoint-node-kind';

/** Every node kind of the language, draggable onto the canvas (or added at the centre on click). */
export function Palette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  const t = useT();
  return (
    <aside className="palette" aria-label={t('editor.palette')}>
      <h2>{t('editor.palette')}</h2>
      <p className="muted">{t('editor.paletteHint')}</p>
      {NODE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="palette-item"
          draggable
          data-kind={kind}
          style={{ borderLeftColor: NODE_LOOKS[kind].color }}
          onDragStart={(event) => {
            event.dataTransfer.setData(PALETTE_MIME, kind);
            event.dataTransfer.effectAllowed = 'move';
          }}
          onClick={() => onAdd(kind)}
          title={t(`nodeHelp.${kind}`)}
        >
          <span className="palette-icon" style={{ color: NODE_LOOKS[kind].color }}>
            {NODE_LOOKS[kind].icon}
          </span>
          <span>
            <strong>{t(`node.${kind}`)}</strong>
            <small>{t(`nodeHelp.${kind}`)}</small>
          </span>
        </button>
      ))}
    </aside>
  );
}
