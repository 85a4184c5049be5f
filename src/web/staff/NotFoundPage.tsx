import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.notFoundTitle')} description={t('errors.notFoundText')} />
      <Button component={Link} to="/" variant="light">
        {t('common.backHome')}
      </Button>
    </>
  );
}
