/** Exit reasons the templates and reports use, shown in words; any other reason is shown as typed. */
export const EXIT_REASONS = ['completed', 'converted', 'notConverted'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
