import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import type { Permission } from '../../../common/permissions.js';
import type { NavItem } from '../../components/AppLayout.js';
import { IconShield } from '../../components/icons.js';
import { AgendaPage } from './agenda/AgendaPage.js';
import { ContractPage } from './contracts/ContractPage.js';
import { ContractsPage } from './contracts/ContractsPage.js';
import { EquipmentListPage } from './equipment/EquipmentListPage.js';
import { EquipmentPage } from './equipment/EquipmentPage.js';
import { InterventionPage } from './interventions/InterventionPage.js';
import { InterventionsPage } from './interventions/InterventionsPage.js';
import { ProposalPage } from './proposals/ProposalPage.js';
import { ProposalPrintPage } from './proposals/ProposalPrintPage.js';
import { ProposalsPage } from './proposals/ProposalsPage.js';
import { IconCalendar, IconContract, IconDevice, IconReceipt, IconTool } from './fieldserviceIcons.js';
import {
  fieldservicePermissions,
  useFieldservicePermissions,
  type FieldservicePermissions,
} from './shared/permissions.js';

/** Shows the page only to users with the read permission it needs; the API refuses the others anyway. */
function Guard({ need, children }: { need: keyof FieldservicePermissions; children: React.ReactNode }) {
  const { t } = useTranslation();
  const can = useFieldservicePermissions();
  if (can[need]) return children;
  return (
    <Alert color="orange" icon={<IconShield />} title={t('errors.forbiddenTitle')} maw={640}>
      {t('errors.forbiddenText')}
    </Alert>
  );
}

const guarded = (need: keyof FieldservicePermissions, page: React.ReactNode) => (
  <Guard need={need}>{page}</Guard>
);

/**
 * The field service pages (SPEC 6), inside the staff layout. A function returning routes, not a
 * component: react-router reads <Route> elements (and fragments of them) directly.
 */
export function fieldserviceRoutes() {
  return (
    <>
      <Route path="contracts" element={guarded('readPark', <ContractsPage />)} />
      <Route path="contracts/:id" element={guarded('readPark', <ContractPage />)} />
      <Route path="equipment" element={guarded('readPark', <EquipmentListPage />)} />
      <Route path="equipment/:id" element={guarded('readPark', <EquipmentPage />)} />
      <Route path="interventions" element={guarded('readInterventions', <InterventionsPage />)} />
      <Route path="interventions/:id" element={guarded('readInterventions', <InterventionPage />)} />
      <Route path="proposals" element={guarded('readProposals', <ProposalsPage />)} />
      <Route path="proposals/:id" element={guarded('readProposals', <ProposalPage />)} />
      <Route path="proposals/:id/print" element={guarded('readProposals', <ProposalPrintPage />)} />
      <Route path="agenda" element={guarded('readAgenda', <AgendaPage />)} />
    </>
  );
}

/** The navigation entries a user's permissions open, in the order of the work: park, jobs, sales, time. */
export function fieldserviceNav(t: TFunction, permissions: readonly Permission[]): NavItem[] {
  const can = fieldservicePermissions(permissions);
  const items: (NavItem | false)[] = [
    can.readPark && { to: '/equipment', label: t('fieldservice.nav.equipment'), icon: <IconDevice /> },
    can.readPark && { to: '/contracts', label: t('fieldservice.nav.contracts'), icon: <IconContract /> },
    can.readInterventions && {
      to: '/interventions',
      label: t('fieldservice.nav.interventions'),
      icon: <IconTool />,
    },
    can.readProposals && { to: '/proposals', label: t('fieldservice.nav.proposals'), icon: <IconReceipt /> },
    can.readAgenda && { to: '/agenda', label: t('fieldservice.nav.agenda'), icon: <IconCalendar /> },
  ];
  return items.filter((item) => item !== false);
}
