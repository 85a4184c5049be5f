import type { SVGProps } from 'react';

/** Line icons drawn on a 24-unit grid (Tabler style, stroke follows the text color). Decorative: aria-hidden. */
export function icon(paths: string[], extra?: React.ReactNode) {
  return function Icon({ size = 18, ...props }: SVGProps<SVGSVGElement> & { size?: number }) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
        {extra}
      </svg>
    );
  };
}

export const IconHome = icon([
  'M5 12H3l9-9 9 9h-2',
  'M5 12v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7',
  'M9 21v-6a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v6',
]);
export const IconTicket = icon([
  'M15 5v2',
  'M15 11v2',
  'M15 17v2',
  'M5 5h14a2 2 0 0 1 2 2v3a2 2 0 0 0 0 4v3a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-3a2 2 0 0 0 0-4V7a2 2 0 0 1 2-2',
]);
export const IconUsers = icon([
  'M5 7a4 4 0 1 0 8 0a4 4 0 1 0-8 0',
  'M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2',
  'M16 3.13a4 4 0 0 1 0 7.75',
  'M21 21v-2a4 4 0 0 0-3-3.85',
]);
export const IconShield = icon([
  'M12 3a12 12 0 0 0 8.5 3A12 12 0 0 1 12 21 12 12 0 0 1 3.5 6 12 12 0 0 0 12 3',
  'M9 12l2 2 4-4',
]);
export const IconLogout = icon([
  'M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2',
  'M9 12h12l-3-3',
  'M18 15l3-3',
]);
export const IconChevronDown = icon(['M6 9l6 6 6-6']);
export const IconArrowRight = icon(['M5 12h14', 'M13 18l6-6', 'M13 6l6 6']);
export const IconAlert = icon(['M12 8v4', 'M12 16h.01'], <circle cx="12" cy="12" r="9" />);
export const IconCheck = icon(['M5 12l5 5L20 7']);
export const IconLifebuoy = icon(
  ['M15 15l3.35 3.35', 'M9 15l-3.35 3.35', 'M5.65 5.65 9 9', 'M18.35 5.65 15 9'],
  <>
    <circle cx="12" cy="12" r="4" />
    <circle cx="12" cy="12" r="9" />
  </>,
);
