import type { CatalogItem } from '../api/schemas';
import type { useT } from '../i18n/i18n';

/** A config path: object keys and list indexes. */
export type Path = (string | number)[];

/** What every per-kind field group gets: the config, typed readers, a writer and the issues. */
export interface FieldContext {
  config: unknown;
  t: ReturnType<typeof useT>;
  catalogs: { events: CatalogItem[]; templates: CatalogItem[]; offers: CatalogItem[] };
  set: (path: Path, value: unknown) => void;
  replace: (config: unknown) => void;
  text: (path: Path) => string;
  num: (path: Path) => number;
  isInvalid: (path: string) => boolean;
  issues: { path: string; message: string }[];
}
