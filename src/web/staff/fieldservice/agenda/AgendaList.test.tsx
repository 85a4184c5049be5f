import { fireEvent, screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '../../../test-utils.js';
import { makeEvent, renderInApp } from '../testing.js';
import { AgendaList } from './AgendaList.js';
import { weekDays, weekStart } from './week.js';

const types = {
  'GET /dictionaries/event-types': () =>
    json({
      items: [
        {
          code: 'AC_RDV',
          label: { fr: 'Rendez-vous', en: 'Meeting' },
          position: 0,
          active: true,
          isDefault: false,
          public: false,
          parentCode: null,
          color: null,
          inUse: true,
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
        {
          code: 'AC_TEL',
          label: { fr: 'Appel', en: 'Call' },
          position: 1,
          active: true,
          isDefault: false,
          public: false,
          parentCode: null,
          color: null,
          inUse: true,
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    }),
};

// Local times, so the days are the same wherever the test runs.
const at = (day: string, time: string) => dayjs(`${day} ${time}`).toISOString();
const days = weekDays(weekStart(dayjs('2026-11-25')));

describe('agenda list', () => {
  it('groups the events by day, all-day first then by time, a multi-day event on each of its days', async () => {
    stubApi(types);
    renderInApp(
      <AgendaList
        days={days}
        onOpen={() => {}}
        events={[
          makeEvent({
            id: 1,
            label: 'Afternoon visit',
            start: at('2026-11-24', '15:00'),
            end: at('2026-11-24', '16:00'),
          }),
          makeEvent({
            id: 2,
            label: 'Morning call',
            typeCode: 'AC_TEL',
            start: at('2026-11-24', '09:00'),
            end: at('2026-11-24', '09:30'),
          }),
          makeEvent({
            id: 3,
            label: 'Trade fair',
            allDay: true,
            start: at('2026-11-24', '00:00'),
            end: at('2026-11-26', '00:00'),
          }),
        ]}
      />,
    );
    expect(await screen.findAllByText('Rendez-vous')).toHaveLength(3);
    const sections = screen.getAllByRole('region');
    expect(sections.map((s) => s.getAttribute('aria-label'))).toEqual([
      'mardi 24 novembre 2026',
      'mercredi 25 novembre 2026',
    ]);
    const tuesday = within(sections[0] as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(tuesday).toEqual([
      expect.stringContaining('Trade fair'),
      expect.stringContaining('Morning call'),
      expect.stringContaining('Afternoon visit'),
    ]);
    expect(tuesday[0]).toContain('Toute la journée');
    expect(tuesday[1]).toContain('Appel');
    // Midnight to midnight: the fair covers Tuesday and Wednesday, not Thursday.
    const wednesday = within(sections[1] as HTMLElement).getAllByRole('listitem');
    expect(wednesday.map((li) => li.textContent)).toEqual([expect.stringContaining('Trade fair')]);
  });

  it('marks done events, and lets a writer tick one off or open it', async () => {
    stubApi(types);
    const onToggleDone = vi.fn();
    const onOpen = vi.fn();
    renderInApp(
      <AgendaList
        days={days}
        onOpen={onOpen}
        onToggleDone={onToggleDone}
        events={[
          makeEvent({ id: 1, label: 'Done visit', done: true }),
          makeEvent({
            id: 2,
            label: 'Open visit',
            start: at('2026-11-27', '10:00'),
            end: at('2026-11-27', '11:00'),
          }),
        ]}
      />,
    );
    const done = (await screen.findByText('Done visit')).closest('li') as HTMLElement;
    expect(within(done).getByText('Fait')).toBeTruthy();
    expect(
      within(done).getByRole<HTMLInputElement>('checkbox', { name: 'Marquer comme à faire' }).checked,
    ).toBe(true);
    const open = screen.getByText('Open visit').closest('li') as HTMLElement;
    fireEvent.click(within(open).getByRole('checkbox', { name: 'Marquer comme fait' }));
    expect(onToggleDone).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }), true);
    fireEvent.click(screen.getByText('Open visit'));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
  });

  it('a reader sees the done state but cannot change it; an empty period says so', async () => {
    stubApi(types);
    const { unmount } = renderInApp(
      <AgendaList days={days} onOpen={() => {}} events={[makeEvent({ done: false })]} />,
    );
    expect((await screen.findByRole<HTMLInputElement>('checkbox')).disabled).toBe(true);
    unmount();
    renderInApp(<AgendaList days={days} onOpen={() => {}} events={[]} />);
    expect(screen.getByText('Aucun événement sur cette période.')).toBeTruthy();
  });
});
