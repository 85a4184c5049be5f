import { icon } from '../../components/icons.js';

/** Line icons of the field service screens (Tabler shapes on the 24-unit grid of icons.tsx). */
export const IconContract = icon([
  'M14 3v4a1 1 0 0 0 1 1h4',
  'M17 21H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h7l5 5v11a2 2 0 0 1-2 2',
  'M9 13h6',
  'M9 17h4',
]);
export const IconDevice = icon([
  'M3 5a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z',
  'M7 20h10',
  'M9 16v4',
  'M15 16v4',
]);
export const IconTool = icon(['M7 10h3V7L6.5 3.5a6 6 0 0 1 8 8l6 6a2 2 0 0 1-3 3l-6-6a6 6 0 0 1-8-8z']);
export const IconReceipt = icon([
  'M5 21V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v16l-3-2-2 2-2-2-2 2-2-2-3 2',
  'M14 8h-2.5a1.5 1.5 0 0 0 0 3h1a1.5 1.5 0 0 1 0 3H10',
  'M12 14v1.5',
  'M12 6.5V8',
]);
export const IconCalendar = icon([
  'M4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z',
  'M16 3v4',
  'M8 3v4',
  'M4 11h16',
]);
export const IconPrinter = icon([
  'M17 17h2a2 2 0 0 0 2-2v-4a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v4a2 2 0 0 0 2 2h2',
  'M17 9V5a2 2 0 0 0-2-2H9a2 2 0 0 0-2 2v4',
  'M7 15a2 2 0 0 1 2-2h6a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2z',
]);
export const IconUnlink = icon([
  'M17 22v-2',
  'M9 15l6-6',
  'M11 6l.463-.536a5 5 0 0 1 7.071 7.072L18 13',
  'M13 18l-.397.534a5.068 5.068 0 0 1-7.127 0a4.972 4.972 0 0 1 0-7.071L6 11',
  'M20 17h2',
  'M2 7h2',
  'M7 2v2',
]);
export const IconChevronLeft = icon(['M15 6l-6 6 6 6']);
export const IconChevronRight = icon(['M9 6l6 6-6 6']);
