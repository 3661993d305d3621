import type { JourneyVersion } from '../api/schemas';
import { useT } from '../i18n/i18n';
import type { VersionPair } from './version-pair';

/** "From version … to version …", one select each. */
export function VersionPicker({
  versions,
  value,
  onChange,
}: {
  versions: readonly JourneyVersion[];
  value: VersionPair;
  onChange: (next: VersionPair) => void;
}) {
  const t = useT();
  const options = versions.map((version) => (
    <option key={version.number} value={version.number}>
      {t('migration.versionN', { number: version.number })}
    </option>
  ));
  return (
    <div className="migration-versions">
      <label>
        {t('migration.from')}{' '}
        <select
          value={value.fromVersion}
          onChange={(event) => onChange({ ...value, fromVersion: Number(event.target.value) })}
        >
          {options}
        </select>
      </label>
      <span aria-hidden>→</span>
      <label>
        {t('migration.to')}{' '}
        <select
          value={value.toVersion}
          onChange={(event) => onChange({ ...value, toVersion: Number(event.target.value) })}
        >
          {options}
        </select>
      </label>
    </div>
  );
}
