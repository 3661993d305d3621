import { useAuthStore } from '../auth/auth-store';
import { LOCALES, useLocaleStore, useT } from '../i18n/i18n';
import { formatRoute, type Route } from './routes';

const NAV = [
  { page: 'journeys', label: 'nav.journeys', route: { page: 'journeys' } },
  { page: 'segments', label: 'nav.segments', route: { page: 'segments', tab: 'rfm' } },
  { page: 'clients', label: 'nav.clients', route: { page: 'clients' } },
  { page: 'messages', label: 'nav.messages', route: { page: 'messages' } },
  { page: 'templates', label: 'nav.templates', route: { page: 'templates' } },
  { page: 'operator', label: 'nav.operator', route: { page: 'operator' } },
  { page: 'sandbox', label: 'nav.sandbox', route: { page: 'sandbox' } },
  { page: 'funnel', label: 'nav.funnel', route: { page: 'funnel' } },
  { page: 'globalControl', label: 'nav.globalControl', route: { page: 'globalControl' } },
  { page: 'delivery', label: 'nav.delivery', route: { page: 'delivery' } },
] as const;

/** The interface language switch (also on the sign-in screen). */
export function LocaleSwitch() {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const setLocale = useLocaleStore((state) => state.setLocale);
  return (
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
  );
}

/** Top bar: product name, main sections, the interface language switch and signing out. */
export function Header({ route }: { route: Route }) {
  const t = useT();
  const signOut = useAuthStore((state) => state.signOut);
  const activePage =
    route.page === 'editor' || route.page === 'report'
      ? 'journeys'
      : route.page === 'client'
        ? 'clients'
        : route.page === 'message' || route.page === 'newMessage'
          ? 'messages'
          : route.page;
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
      <LocaleSwitch />
      <button type="button" className="sign-out" onClick={signOut}>
        {t('nav.signOut')}
      </button>
    </header>
  );
}
