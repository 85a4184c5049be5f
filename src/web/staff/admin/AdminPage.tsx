import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';

export function AdminPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('admin.title')} description={t('admin.description')} />;
}
