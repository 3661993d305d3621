import { useState, type KeyboardEvent } from 'react';
import type { ChannelKind } from '@touchpoint/language';
import { useApi } from '../api/use-api';
import { useT } from '../i18n/i18n';
import { messagesApi } from '../messages/messages-api';
import { RenderedMessage } from '../messages/template-preview';
import { formatChannel } from '../nodes/read-config';
import { listTemplateChoices, type TemplateChoice } from './template-choices';

/** The rendered template shown beside the option under the mouse (or the keyboard's active one). */
function HoverPreview({ templateId, top, left }: { templateId: string; top: number; left: number }) {
  const t = useT();
  const [preview] = useApi(() => messagesApi.preview(templateId), `hover-preview-${templateId}`);
  return (
    <div
      className="template-hover-preview"
      style={{ top, left }}
      data-testid="template-hover-preview"
      aria-label={t('picker.template.preview')}
    >
      {preview.status === 'ready' ? (
        <RenderedMessage preview={preview.data} />
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </div>
  );
}

/**
 * The send step's template: only keys with a variant for each channel the step may try. Pointing at
 * one (or moving to it with ↑/↓) shows it rendered for the sample client; a click or Enter picks it.
 */
export function TemplatePicker({
  value,
  channels,
  onChange,
  isInvalid,
}: {
  value: string;
  channels: ChannelKind[];
  onChange: (key: string) => void;
  isInvalid: boolean;
}) {
  const t = useT();
  const [templates] = useApi(() => messagesApi.list(), 'message-templates');
  const choices = listTemplateChoices(templates.status === 'ready' ? templates.data : [], channels);
  const [hovered, setHovered] = useState<{ choice: TemplateChoice; top: number; left: number } | null>(null);
  const [active, setActive] = useState(-1);
  const channelNames = channels.map((channel) => formatChannel(channel, t)).join(', ');
  const previewId = (choice: TemplateChoice) =>
    choice.variants[channels[0] ?? 'email'] ?? Object.values(choice.variants)[0] ?? null;
  const point = (choice: TemplateChoice, element: HTMLElement) => {
    const box = element.getBoundingClientRect();
    setHovered({ choice, top: Math.max(8, box.top - 40), left: Math.max(8, box.left - 372) });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (choices.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (active + (event.key === 'ArrowDown' ? 1 : -1) + choices.length) % choices.length;
      setActive(next);
      const option = event.currentTarget.children[next];
      if (option instanceof HTMLElement) point(choices[next]!, option);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      onChange(choices[active]!.key);
    } else if (event.key === 'Escape') setHovered(null);
  };
  const isMissing =
    value !== '' && templates.status === 'ready' && !choices.some((choice) => choice.key === value);
  const hoveredId = hovered ? previewId(hovered.choice) : null;
  return (
    <div className={isInvalid || isMissing ? 'field template-picker invalid' : 'field template-picker'}>
      <span id="template-picker-label">{t('field.template')}</span>
      {isMissing && (
        <p className="error-box" data-testid="template-missing">
          {t('picker.template.missing', { key: value, channels: channelNames })}
        </p>
      )}
      {templates.status === 'ready' && choices.length === 0 && (
        <p className="muted">{t('picker.template.none', { channels: channelNames })}</p>
      )}
      {choices.length > 0 && (
        <ul
          role="listbox"
          tabIndex={0}
          aria-labelledby="template-picker-label"
          aria-activedescendant={active >= 0 ? `template-option-${active}` : undefined}
          data-testid="template-picker"
          onKeyDown={onKeyDown}
          onBlur={() => setHovered(null)}
          onMouseLeave={() => setHovered(null)}
        >
          {choices.map((choice, index) => (
            <li
              key={choice.key}
              id={`template-option-${index}`}
              role="option"
              aria-selected={choice.key === value}
              className={index === active ? 'active' : undefined}
              data-key={choice.key}
              onMouseEnter={(event) => point(choice, event.currentTarget)}
              onClick={() => onChange(choice.key)}
            >
              {choice.name} <code className="muted">{choice.key}</code>
            </li>
          ))}
        </ul>
      )}
      {hovered && hoveredId && <HoverPreview templateId={hoveredId} top={hovered.top} left={hovered.left} />}
    </div>
  );
}
