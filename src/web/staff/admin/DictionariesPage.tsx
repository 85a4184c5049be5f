import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DICTIONARY_KINDS } from '../../../common/tickets.js';
import { PageHeader } from '../../components/PageHeader.js';
import { DictionaryTable } from './dictionaries/DictionaryTable.js';

/** Administration → Dictionaries: one tab per dictionary (SPEC 2.4 and event types). */
export function DictionariesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('dictionaries.title')} description={t('dictionaries.description')} />
      <Tabs defaultValue={DICTIONARY_KINDS[0]} keepMounted={false}>
        <Tabs.List mb="md">
          {DICTIONARY_KINDS.map((kind) => (
            <Tabs.Tab key={kind} value={kind}>
              {t(`dictionaries.kinds.${kind}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {DICTIONARY_KINDS.map((kind) => (
          <Tabs.Panel key={kind} value={kind}>
            <DictionaryTable kind={kind} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
