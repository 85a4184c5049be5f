import { useEffect, useRef, useState } from 'react';
import type { Language } from '../../common/languages.js';
import { portalApi, type PortalConfig } from './api.js';
import { Notice } from './components/Notice.js';
import { PageTitle } from './components/PageTitle.js';
import { PortalConfigContext } from './config.js';
import { errorText } from './errors.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { CustomerPage } from './pages/CustomerPage.js';
import { FollowPage } from './pages/FollowPage.js';
import { ClosedPage, HomePage } from './pages/HomePage.js';
import { NewTicketPage } from './pages/NewTicketPage.js';
import { TicketPage } from './pages/TicketPage.js';
import { Link, matchRoute, paths, useLocation, type Route } from './router.js';

function Page({ route, config, search }: { route: Route; config: PortalConfig; search: string }) {
  const { t } = useI18n();
  if (!config.enabled) return <ClosedPage />;
  switch (route.name) {
    case 'home':
      return <HomePage config={config} />;
    case 'new':
      return <NewTicketPage config={config} />;
    case 'follow':
      return <FollowPage initialKey={new URLSearchParams(search).get('key') ?? ''} />;
    case 'ticket':
      return <TicketPage key={route.trackId} config={config} trackId={route.trackId} />;
    case 'customer':
      return <CustomerPage key={route.token} config={config} token={route.token} />;
    case 'notFound':
      return (
        <section className="stack">
          <PageTitle>{t('common.notFound')}</PageTitle>
          <p>
            <Link to={paths.home}>{t('common.backHome')}</Link>
          </p>
        </section>
      );
  }
}

/** The portal's frame: skip link, header with the title and the language switch, and the current page. */
export function PortalApp() {
  const { t, language, setLanguage } = useI18n();
  const { pathname, search } = useLocation();
  const [config, setConfig] = useState<PortalConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  useEffect(() => {
    portalApi.config().then(setConfig, setError);
  }, []);

  // After an in-place navigation, focus and scroll go to the new page as after a page load.
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    const title = mainRef.current?.querySelector<HTMLElement>('h1');
    (title ?? mainRef.current)?.focus();
    window.scrollTo?.(0, 0);
  }, [pathname]);

  const other: Language = language === 'fr' ? 'en' : 'fr';
  return (
    <PortalConfigContext.Provider value={config}>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="portal-header">
        <div className="wrap header-inner">
          <Link to={paths.home} className="brand">
            {config?.title[language] ?? '\u00a0'}
          </Link>
          <button
            type="button"
            className="lang-switch"
            lang={other}
            title={t('common.otherLanguageHint')}
            onClick={() => setLanguage(other)}
          >
            {t('common.otherLanguage')}
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="wrap">
        {error !== null ? (
          <Notice kind="error">{errorText(t, error)}</Notice>
        ) : config ? (
          <Page route={matchRoute(pathname)} config={config} search={search} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </main>
    </PortalConfigContext.Provider>
  );
}

/** The whole portal, in the language remembered or the browser's. */
export function PortalRoot({ language }: { language: Language }) {
  return (
    <I18nProvider initial={language}>
      <PortalApp />
    </I18nProvider>
  );
}
