import { useLocaleStore } from '../i18n/i18n';

/** Formats a moment the way the interface language writes it (day, month, time to the second). */
export function useFormatTime(): (iso: string) => string {
  const locale = useLocaleStore((state) => state.locale);
  return (iso) =>
    new Date(iso).toLocaleString(locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
}
