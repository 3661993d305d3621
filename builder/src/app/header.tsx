import { LOCALES, useLocaleStore, useT } from '../i18n/i18n';
import { formatRoute, type Route } from './routes';

const NAV = [
  { page: 'journeys', label: 'nav.journeys', route: { page: 'journeys' } },
  { page: 'templates', label: 'nav.templates', route: { page: 'templates' } },
  { page: 'operator', label: 'nav.operator', route: { page: 'operator' } },
] as const;

/** Top bar: product name, main sections and the interface language switch. */
export function Header({ route }: { route: Route }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const setLocale = useLocaleStore((state) => state.setLocale);
  const activePage = route.page === 'editor' ? 'journeys' : route.page;
  return (
    <header className="app-header">
      <a className="app-logo" href={formatRoute({ page: 'journeys' })}>
        ◆ {t('app.name')}
      </a>
      <nav className="app-nav">
        {NAV.map((item) => (
          <a
            key={item.page}
            href={formatRoute(item.route)}
            className={item.page === activePage ? 'active' : undefined}
          >
            {t(item.label)}
          </a>
        ))}
      </nav>
      <div className="locale-switch" role="group" aria-label={t('nav.language')}>
        {LOCALES.map((code) => (
          <button
            key={code}
            type="button"
            className={code === locale ? 'active' : undefined}
            aria-pressed={code === locale}
            onClick={() => setLocale(code)}
          >
            {code.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
