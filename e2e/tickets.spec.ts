import { describe, expect, it } from 'vitest';
import { useBrowserTest } from './helpers.js';
import { apiLogin, screenshot, seedTickets, setLanguage, signIn, writePng } from './tickets.helpers.js';

const t = useBrowserTest();

/** The login page follows the browser, which asks for French in these tests. */
const LOGIN = { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' };

/** What the walk reads and clicks, in each language: the assertions are on the words users see. */
const WORDS = {
  fr: {
    home: 'Accueil',
    tickets: 'Tickets',
    newTicket: 'Nouveau ticket',
    subject: 'Sujet',
    description: 'Description',
    customer: 'Client',
    contact: 'Contact',
    create: 'Créer le ticket',
    created: (ref: string) => `Ticket ${ref} créé.`,
    toolbar: 'Actions sur le ticket',
    assign: 'Assigner',
    assignTo: 'Assigner à',
    assigned: 'Ticket assigné.',
    composer: 'Répondre',
    message: 'Message',
    send: 'Envoyer',
    kind: 'Type de message',
    privateNote: 'Note privée',
    note: 'Note interne',
    addNote: 'Ajouter la note',
    documents: 'Documents',
    history: 'Historique',
    assignedEntry: 'a assigné le ticket',
    close: 'Clôturer',
    solved: 'Résolu',
    closed: 'Ticket clôturé.',
    status: { read: 'Lu', assigned: 'Assigné', inProgress: 'En cours', closed: 'Clôturé' },
    chart: 'Tickets par statut',
    myOpen: 'Mes tickets ouverts',
    sortBySubject: 'Trier par Sujet',
  },
  en: {
    home: 'Home',
    tickets: 'Tickets',
    newTicket: 'New ticket',
    subject: 'Subject',
    description: 'Description',
    customer: 'Customer',
    contact: 'Contact',
    create: 'Create the ticket',
    created: (ref: string) => `Ticket ${ref} created.`,
    toolbar: 'Ticket actions',
    assign: 'Assign',
    assignTo: 'Assign to',
    assigned: 'Ticket assigned.',
    composer: 'Reply',
    message: 'Message',
    send: 'Send',
    kind: 'Kind of message',
    privateNote: 'Private note',
    note: 'Internal note',
    addNote: 'Add the note',
    documents: 'Documents',
    history: 'History',
    assignedEntry: 'assigned the ticket',
    close: 'Close',
    solved: 'Solved',
    closed: 'Ticket closed.',
    status: { read: 'Read', assigned: 'Assigned', inProgress: 'In progress', closed: 'Closed' },
    chart: 'Tickets by status',
    myOpen: 'My open tickets',
    sortBySubject: 'Sort by Subject',
  },
} as const;

for (const language of ['fr', 'en'] as const) {
  const w = WORDS[language];

  describe(`a ticket from creation to closing, in ${language === 'fr' ? 'French' : 'English'}`, () => {
    it('is created with an attachment, assigned, answered, noted and closed', async () => {
      const { page, server } = t;
      await page.setViewportSize({ width: 1440, height: 900 });
      const admin = await apiLogin(server.baseUrl);
      await seedTickets(admin, language);
      // The browser asks for French; the language stored on the user decides once signed in.
      await setLanguage(admin, language);
      const png = writePng('screenshot.png');

      // The login page speaks the browser's language (French); the app then speaks the user's.
      await signIn(page, server.baseUrl, LOGIN);
      await page.getByRole('navigation').getByRole('link', { name: w.home }).waitFor();

      // The list, sorted by subject from the header.
      await page.getByRole('navigation').getByRole('link', { name: w.tickets }).click();
      await page.getByRole('link', { name: 'Scanner drops the network every hour' }).waitFor();
      await page.getByRole('button', { name: w.sortBySubject }).click();
      await page.waitForURL(/sort=subject&order=asc/);
      const firstSubject = page.getByRole('row').nth(1).getByRole('link').nth(1);
      await expect.poll(() => firstSubject.textContent()).toBe('How do I export my contracts?');
      await screenshot(page, `${language}-list`);

      // A new ticket for Acme's contact, with a file.
      await page.getByRole('link', { name: w.newTicket }).click();
      const subject =
        language === 'fr' ? 'L’imprimante du 2e étage bourre' : 'Second-floor printer keeps jamming';
      await page.getByRole('textbox', { name: w.subject, exact: true }).fill(subject);
      await page.getByRole('textbox', { name: w.description }).click();
      await page.keyboard.type('Every page since this morning.');
      await page.getByRole('combobox', { name: w.customer, exact: true }).fill('Acme');
      await page.getByRole('option', { name: 'Acme Industries' }).click();
      await page.getByRole('combobox', { name: w.contact, exact: true }).click();
      await page.getByRole('option', { name: 'Carla Contact' }).click();
      await page.locator('input[type=file]').setInputFiles(png);
      await page.getByText('screenshot.png').waitFor();
      await screenshot(page, `${language}-new`);
      await page.getByRole('button', { name: w.create }).click();

      await page.getByRole('heading', { name: subject, level: 1 }).waitFor();
      const ref = (await page.locator('section[aria-label^="TS"]').getAttribute('aria-label')) ?? '';
      expect(ref).toMatch(/^TS\d{4}-\d{4,}$/);
      await page.getByText(w.created(ref)).waitFor();
      const header = page.getByRole('region', { name: ref });
      await header.getByText(w.status.read, { exact: true }).waitFor();
      const toolbar = page.getByRole('toolbar', { name: w.toolbar });

      // Assigned to the agent.
      await toolbar.getByRole('button', { name: w.assign, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: w.assignTo, exact: true }).click();
      await page.getByRole('option', { name: 'Bob Tech' }).click();
      await dialog.getByRole('button', { name: w.assign, exact: true }).click();
      await page.getByText(w.assigned).waitFor();
      await header.getByText(w.status.assigned, { exact: true }).waitFor();

      // A public message moves it in progress.
      const composer = page.getByRole('form', { name: w.composer });
      await composer.getByRole('textbox', { name: w.message }).click();
      await page.keyboard.type('We send a technician on Monday.');
      await composer.getByRole('button', { name: w.send }).click();
      await page.getByRole('article').filter({ hasText: 'We send a technician on Monday.' }).waitFor();
      await header.getByText(w.status.inProgress, { exact: true }).waitFor();

      // A private note, shown as such.
      await composer.getByRole('radiogroup', { name: w.kind }).getByText(w.privateNote).click();
      await composer.getByRole('textbox', { name: w.note }).click();
      await page.keyboard.type('Customer asked for a loan printer.');
      await composer.getByRole('button', { name: w.addNote }).click();
      const note = page.getByRole('article').filter({ hasText: 'Customer asked for a loan printer.' });
      await note.waitFor();
      await note.getByText(w.privateNote, { exact: true }).waitFor({ state: 'visible' });
      const articles = await page.getByRole('article').allTextContents();
      expect(articles[0]).toContain('Customer asked for a loan printer.'); // newest first
      await screenshot(page, `${language}-ticket`);

      // The attachment is among the documents; the journal names the assignment.
      await page.getByRole('tab', { name: w.documents }).click();
      await page.getByRole('tabpanel').getByText('screenshot.png').waitFor();
      await page.getByRole('tab', { name: w.history }).click();
      await page.getByRole('tabpanel').getByText(w.assignedEntry).first().waitFor();
      await screenshot(page, `${language}-history`);

      // Closed as solved.
      await toolbar.getByRole('button', { name: w.close, exact: true }).click();
      await page.getByRole('dialog').getByRole('radio', { name: w.solved }).check();
      await page.getByRole('dialog').getByRole('button', { name: w.close, exact: true }).click();
      await page.getByText(w.closed).waitFor();
      await header.getByText(w.status.closed, { exact: true }).waitFor();
      expect(await toolbar.getByRole('button', { name: w.close, exact: true }).count()).toBe(0);

      const api = await admin.call<{ status: string; resolution: string; assigneeName: string }>(
        'GET',
        `/tickets/${new URL(page.url()).pathname.split('/').pop()}`,
      );
      expect(api).toMatchObject({ status: 'closed', resolution: 'solved', assigneeName: 'Bob Tech' });

      // The home page counts it among the closed ones.
      await page.getByRole('navigation').getByRole('link', { name: w.home }).click();
      await page.getByText(w.chart).waitFor();
      await page.getByRole('link', { name: new RegExp(`^${w.myOpen}`) }).waitFor();
      await screenshot(page, `${language}-home`);
    });
  });
}
