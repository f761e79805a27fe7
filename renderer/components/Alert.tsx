import type { ReactNode } from 'react';

/** A DSFR alert; errors are announced (role="alert"). */
export function Alert({ kind, title, children, id }: { kind: 'error' | 'success' | 'info' | 'warning'; title: string; children?: ReactNode; id?: string }) {
  return (
    <div className={`fr-alert fr-alert--${kind} fr-mb-4w`} {...(kind === 'error' ? { role: 'alert' } : {})} {...(id ? { id, tabIndex: -1 } : {})}>
      <h2 className="fr-alert__title">{title}</h2>
      {children}
    </div>
  );
}
