import { useEffect, type ReactNode } from 'react';

interface PageHeaderProps {
  readonly title: string;
  /** A line above the title: the contract, or the section. */
  readonly kicker?: ReactNode;
  readonly children?: ReactNode;
  readonly actions?: ReactNode;
}

/** The page's one h1, its browser-tab title, and an optional line of facts and actions. */
export function PageHeader({ title, kicker, children, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · SupportPact`;
  }, [title]);
  return (
    <header className="page-header">
      <div>
        {kicker ? <p className="kicker">{kicker}</p> : null}
        <h1>{title}</h1>
        {children ? <div className="page-meta">{children}</div> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}
