import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';

export function CustomersPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('customers.title')} description={t('customers.description')} />;
}
