import type { ReactNode } from 'react';

/**
 * One tab of a `role="tablist"`: announced as a tab, selected or not, styled `active` when it is.
 * The operator's queue, the sandbox inbox and the enroll dialog draw their tabs with it.
 */
export function TabButton({
  isSelected,
  onSelect,
  testId,
  children,
}: {
  isSelected: boolean;
  onSelect: () => void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={isSelected}
      className={isSelected ? 'active' : undefined}
      onClick={onSelect}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
