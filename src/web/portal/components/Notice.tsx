import { useEffect, useRef, type ReactNode } from 'react';

/**
 * An error or a confirmation for the whole page. Errors take the focus when they appear, so keyboard and
 * screen-reader users land on what went wrong.
 */
export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (kind === 'error') ref.current?.focus();
  }, [kind, children]);
  return (
    <div
      ref={ref}
      className={`notice notice-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
    >
      {children}
    </div>
  );
}
