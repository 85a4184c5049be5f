import type { Catalog } from '../catalog.js';

/** The staff home page in English: the same keys as fr/home.ts. */
export const home: Catalog['home'] = {
  title: 'Hello, {{name}}',
  description: 'Your starting point to follow customer requests and the team’s work.',
  open: 'Open',
  cards: {
    myOpen: 'My open tickets',
    myOpenHint: 'Assigned to you and not closed yet',
    unread: 'Unread tickets',
    unreadHint: 'Nobody has opened them yet',
    overdue: 'Overdue tickets',
    overdueHint: 'Response delays exceeded',
    seeList: 'See the list',
  },
  chart: {
    title: 'Tickets by status',
    description: 'Every ticket, closed ones included; deleted ones apart.',
    empty: 'No tickets yet.',
    total: 'Total',
  },
  loadError: 'The statistics could not be loaded.',
};
