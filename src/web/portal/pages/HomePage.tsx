import type { PortalConfig } from '../api.js';
import { PageTitle } from '../components/PageTitle.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, paths } from '../router.js';

/** /portal: the configured title and text (plain text: React escapes it, line breaks kept by CSS). */
export function HomePage({ config }: { config: PortalConfig }) {
  const { t, language } = useI18n();
  const homeText = config.homeText[language].trim();
  return (
    <section className="stack">
      <PageTitle>{config.title[language]}</PageTitle>
      {homeText && <p className="plain-text lead">{homeText}</p>}
      <ul className="choices">
        <li>
          <Link to={paths.new} className="choice">
            <span className="choice-title">{t('home.open')}</span>
            <span className="choice-hint">{t('home.openHint')}</span>
          </Link>
        </li>
        <li>
          <Link to={paths.follow} className="choice">
            <span className="choice-title">{t('home.follow')}</span>
            <span className="choice-hint">{t('home.followHint')}</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}

/** Every page when the portal is switched off. */
export function ClosedPage() {
  const { t } = useI18n();
  return (
    <section className="stack">
      <PageTitle>{t('home.closedTitle')}</PageTitle>
      <p>{t('home.closedText')}</p>
    </section>
  );
}
