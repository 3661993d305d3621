import { useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/i18n';
import {
  applyLiquidCompletion,
  findLiquidCompletion,
  suggestLiquidVariables,
  type LiquidCompletion,
} from './liquid-completion';

/**
 * A text area for Liquid: typing inside `{{` lists the variables a template can use (the client's,
 * the offer's, the journey's), filtered as one types; ↑/↓ choose, Enter or Tab insert, Esc closes,
 * a click inserts too. `isSingleLine` makes it an input (an email subject).
 */
export function LiquidTextarea({
  label,
  value,
  onChange,
  variables,
  testId,
  isSingleLine = false,
  rows = 10,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  variables: readonly string[];
  testId: string;
  isSingleLine?: boolean;
  rows?: number;
}) {
  const t = useT();
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [completion, setCompletion] = useState<LiquidCompletion | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = completion ? suggestLiquidVariables(completion.typed, variables).slice(0, 8) : [];
  const isOpen = suggestions.length > 0;

  const look = (text: string, caret: number) => {
    setCompletion(findLiquidCompletion(text, caret));
    setActive(0);
  };
  const insert = (variable: string) => {
    const element = ref.current;
    if (element === null || completion === null) return;
    const next = applyLiquidCompletion(value, element.selectionStart ?? value.length, completion, variable);
    onChange(next.text);
    setCompletion(null);
    // The new text is in the DOM after React's render; the caret goes after the closed tag.
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isOpen) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      insert(suggestions[active]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setCompletion(null);
    }
  };
  const shared = {
    ref,
    value,
    'data-testid': testId,
    'aria-autocomplete': 'list' as const,
    'aria-expanded': isOpen,
    'aria-controls': `${testId}-variables`,
    onKeyDown,
    onBlur: () => setCompletion(null),
    // Moving the caret back into an open tag (a click, the arrow keys) offers the list again.
    onSelect: (event: { currentTarget: { value: string; selectionStart: number | null } }) => {
      const caret = event.currentTarget.selectionStart ?? event.currentTarget.value.length;
      const found = findLiquidCompletion(event.currentTarget.value, caret);
      if (found?.start !== completion?.start || found?.typed !== completion?.typed)
        look(event.currentTarget.value, caret);
    },
    onChange: (event: { target: { value: string; selectionStart: number | null } }) => {
      onChange(event.target.value);
      look(event.target.value, event.target.selectionStart ?? event.target.value.length);
    },
  };
  return (
    <label className="field liquid-field">
      <span>{label}</span>
      {isSingleLine ? <input {...shared} /> : <textarea {...shared} rows={rows} spellCheck={false} />}
      {isOpen && (
        <ul
          className="liquid-suggestions"
          role="listbox"
          id={`${testId}-variables`}
          aria-label={t('messages.variables')}
        >
          {suggestions.map((name, index) => (
            <li
              key={name}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              // mousedown, not click: a click would blur the field first and close the list.
              onMouseDown={(event) => {
                event.preventDefault();
                insert(name);
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      )}
      <small className="muted">{t('messages.variablesHint')}</small>
    </label>
  );
}
