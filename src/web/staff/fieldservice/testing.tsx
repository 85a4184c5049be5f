/**
 * Fixtures of the field service component tests: API objects as the server sends them, and a way to
 * render one component inside the app's providers. Imported by tests only.
 */
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { EventListItem } from '../../../common/schemas/event.schema.js';
import type { Intervention } from '../../../common/schemas/intervention.schema.js';
import type { Proposal } from '../../../common/schemas/proposal.schema.js';
import type { User } from '../../../common/schemas/user.schema.js';
import { createI18n } from '../../i18n/i18n.js';
import { makeUser } from '../../test-utils.js';
import { AppProviders, createQueryClient } from '../AppProviders.js';
import { SignedInUserContext } from '../auth/session.js';

const AT = '2026-11-20T09:30:00.000Z';

export function makeIntervention(overrides: Partial<Intervention> = {}): Intervention {
  return {
    id: 1,
    ref: 'FI2611-0001',
    thirdpartyId: 7,
    thirdpartyName: 'Acme Industries',
    description: 'Plotter prints stripes',
    status: 'draft',
    equipmentId: 3,
    equipmentLabel: 'HP T650',
    contractId: 2,
    contractRef: 'CT2611-0001',
    ticketIds: [1],
    tickets: [{ id: 1, ref: 'TS2611-0001', subject: 'Plotter prints stripes', status: 'read' }],
    lines: [],
    durationMinutes: 0,
    editable: true,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function makeProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: 4,
    ref: 'PR2611-0001',
    thirdpartyId: 7,
    thirdpartyName: 'Acme Industries',
    thirdparty: { id: 7, name: 'Acme Industries', code: null, email: null, phone: null, address: null },
    status: 'draft',
    validUntil: null,
    notes: null,
    lines: [],
    totalExclTax: 0,
    totalVat: 0,
    totalInclTax: 0,
    vatByRate: [],
    ticketIds: [],
    tickets: [],
    editable: true,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function makeEvent(overrides: Partial<EventListItem> = {}): EventListItem {
  return {
    id: 1,
    typeCode: 'AC_RDV',
    label: 'Visit at Acme',
    start: '2026-11-24T13:00:00.000Z',
    end: '2026-11-24T14:00:00.000Z',
    allDay: false,
    ownerId: 1,
    ownerName: 'Ada Admin',
    thirdpartyId: null,
    thirdpartyName: null,
    done: false,
    notes: null,
    ticketIds: [],
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

/** One component in the app's providers, signed in as `user`, in `language`. */
export function renderInApp(
  ui: React.ReactNode,
  { user = makeUser(), language = 'fr' }: { user?: User; language?: 'fr' | 'en' } = {},
) {
  return render(
    <AppProviders i18n={createI18n(language)} queryClient={createQueryClient()} env="test">
      <MemoryRouter>
        <SignedInUserContext.Provider value={user}>{ui}</SignedInUserContext.Provider>
      </MemoryRouter>
    </AppProviders>,
  );
}
