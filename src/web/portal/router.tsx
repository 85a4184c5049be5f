import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * The portal's five pages need no router library: the path is read from `location`, links push history
 * entries and tell subscribers. Every page lives under /portal.
 */
export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'follow' }
  | { name: 'ticket'; trackId: string }
  | { name: 'customer'; token: string }
  | { name: 'notFound' };

const NAVIGATE_EVENT = 'guichet:navigate';

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/portal') return { name: 'home' };
  if (path === '/portal/new') return { name: 'new' };
  if (path === '/portal/follow') return { name: 'follow' };
  const ticket = /^\/portal\/t\/([^/]+)$/.exec(path);
  const trackId = ticket?.[1] ? decode(ticket[1]) : null;
  if (trackId) return { name: 'ticket', trackId };
  const customer = /^\/portal\/c\/([^/]+)$/.exec(path);
  const token = customer?.[1] ? decode(customer[1]) : null;
  if (token) return { name: 'customer', token };
  return { name: 'notFound' };
}

export const paths = {
  home: '/portal',
  new: '/portal/new',
  follow: '/portal/follow',
  ticket: (trackId: string) => `/portal/t/${encodeURIComponent(trackId)}`,
  customer: (token: string) => `/portal/c/${encodeURIComponent(token)}`,
};

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current path and query string, re-rendering on navigation. */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + location.search);
  const url = new URL(href, 'http://portal');
  return { pathname: url.pathname, search: url.search };
}

/** A real link (it works in a new tab and without script) that navigates in place on a plain click. */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
