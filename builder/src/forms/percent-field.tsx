import { useState } from 'react';

/**
 * A labelled percent input that keeps what the marketer is typing (`12.` or an empty box) and reports
 * each complete number; decimals allowed, unlike the whole-number field.
 */
export function PercentField({
  label,
  value,
  max,
  onChange,
  isInvalid,
  testId,
}: {
  label: string;
  value: number;
  max: number;
  onChange: (percent: number) => void;
  isInvalid?: boolean;
  testId?: string;
}) {
  // While the marketer types, the box shows their text; once they leave it, the value (which undo
  // or another control may have changed meanwhile).
  const [typing, setTyping] = useState<string | null>(null);
  return (
    <label className={isInvalid ? 'field invalid' : 'field'}>
      <span>{label}</span>
      <span className="percent-input">
        <input
          type="number"
          min={0}
          max={max}
          step="any"
          data-testid={testId}
          value={typing ?? formatPercentInput(value)}
          onBlur={() => setTyping(null)}
          onChange={(event) => {
            setTyping(event.target.value);
            const number = Number(event.target.value);
            if (event.target.value.trim() !== '' && Number.isFinite(number)) onChange(number);
          }}
        />
        %
      </span>
    </label>
  );
}

/** A fraction × 100 without floating noise (`0.07 * 100` is `7.000000000000001`). */
function formatPercentInput(value: number): string {
  return String(Number(value.toFixed(4)));
}
