import { icon } from './icons.js';

/** Line icons of the ticket screens (Tabler shapes on the 24-unit grid of icons.tsx). */
export const IconSortAsc = icon(['M6 15l6-6 6 6']);
export const IconSortDesc = icon(['M6 9l6 6 6-6']);
export const IconPlus = icon(['M12 5v14', 'M5 12h14']);
export const IconDownload = icon(['M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2', 'M7 11l5 5 5-5', 'M12 4v12']);
export const IconSearch = icon(['M3 10a7 7 0 1 0 14 0a7 7 0 1 0-14 0', 'M21 21l-6-6']);
export const IconX = icon(['M18 6L6 18', 'M6 6l12 12']);
export const IconClock = icon(['M3 12a9 9 0 1 0 18 0a9 9 0 0 0-18 0', 'M12 7v5l3 3']);
export const IconLock = icon([
  'M5 13a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-6',
  'M8 11V7a4 4 0 1 1 8 0v4',
]);
export const IconMail = icon([
  'M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7',
  'M3 7l9 6 9-6',
]);
export const IconPaperclip = icon([
  'M15 7l-6.5 6.5a1.5 1.5 0 0 0 3 3L18 10a3 3 0 0 0-6-6l-6.5 6.5a4.5 4.5 0 0 0 9 9L21 13',
]);
export const IconUser = icon([
  'M8 7a4 4 0 1 0 8 0a4 4 0 0 0-8 0',
  'M6 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2',
]);
export const IconBuilding = icon([
  'M3 21h18',
  'M5 21V7l8-4v18',
  'M19 21V11l-6-4',
  'M9 9v.01',
  'M9 12v.01',
  'M9 15v.01',
  'M9 18v.01',
]);
export const IconPencil = icon(['M4 20h4L18.5 9.5a2.83 2.83 0 0 0-4-4L4 16v4', 'M13.5 6.5l4 4']);
export const IconTrash = icon([
  'M4 7h16',
  'M10 11v6',
  'M14 11v6',
  'M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12',
  'M9 7V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3',
]);
export const IconRestore = icon(['M9 14l-4-4 4-4', 'M5 10h11a4 4 0 1 1 0 8h-1']);
export const IconCircleCheck = icon(['M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0', 'M9 12l2 2 4-4']);
export const IconPause = icon([
  'M6 6a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1z',
  'M14 6a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1h-2a1 1 0 0 1-1-1z',
]);
export const IconPlay = icon(['M7 4v16l13-8z']);
export const IconUserPlus = icon([
  'M8 7a4 4 0 1 0 8 0a4 4 0 0 0-8 0',
  'M16 19h6',
  'M19 16v6',
  'M6 21v-2a4 4 0 0 1 4-4h4',
]);
export const IconUserMinus = icon([
  'M8 7a4 4 0 1 0 8 0a4 4 0 0 0-8 0',
  'M16 19h6',
  'M6 21v-2a4 4 0 0 1 4-4h4',
]);
export const IconMessage = icon([
  'M8 9h8',
  'M8 13h6',
  'M18 4a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-5l-5 3v-3H6a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3h12',
]);
export const IconHistory = icon(['M12 8v4l2 2', 'M3.05 11a9 9 0 1 1 .5 4m-.5 5v-5h5']);
export const IconFile = icon([
  'M14 3v4a1 1 0 0 0 1 1h4',
  'M17 21H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h7l5 5v11a2 2 0 0 1-2 2',
]);
export const IconArrowBack = icon(['M5 12h14', 'M5 12l6 6', 'M5 12l6-6']);
export const IconRefresh = icon([
  'M20 11A8.1 8.1 0 0 0 4.5 9M4 5v4h4',
  'M4 13a8.1 8.1 0 0 0 15.5 2m.5 4v-4h-4',
]);
export const IconInbox = icon([
  'M4 6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z',
  'M4 13h3l3 3h4l3-3h3',
]);
export const IconFlame = icon([
  'M12 10.941c2.333-3.308.167-7.823-1-8.941 0 3.395-2.235 5.299-3.667 6.706C5.903 10.114 5 12 5 14.294 5 17.998 8.134 21 12 21s7-3.002 7-6.706c0-1.712-1.232-4.403-2.333-5.294-2.084 3-3.257 3-4.667 1.941',
]);
export const IconDots = icon([
  'M4 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0',
  'M11 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0',
  'M18 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0',
]);
