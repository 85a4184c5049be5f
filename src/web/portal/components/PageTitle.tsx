import { useEffect } from 'react';
import { usePortalConfig } from '../config.js';
import { useI18n } from '../i18n/i18n.js';

/**
 * The page's <h1>, also written into the window title. It can take the focus (tabIndex -1): after an
 * in-place navigation the app moves the focus here, as a page load would.
 */
export function PageTitle({ children }: { children: string }) {
  const { language } = useI18n();
  const config = usePortalConfig();
  const site = config?.title[language] ?? '';
  useEffect(() => {
    document.title = site && site !== children ? `${children} – ${site}` : children;
  }, [children, site]);
  return <h1 tabIndex={-1}>{children}</h1>;
}
