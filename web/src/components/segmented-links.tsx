import { Link } from '../router/router.js';

/** A row of links that switch a view (the address keeps the choice, so back and bookmarks work). */
export function SegmentedLinks({ label, options, current }: { readonly label: string; readonly options: readonly { readonly value: string; readonly label: string; readonly to: string }[]; readonly current: string }) {
  return (
    <nav className="segmented" aria-label={label}>
      {options.map((o) => (
        <Link key={o.value} to={o.to} replace aria-current={o.value === current ? 'true' : undefined} className={o.value === current ? 'segment current' : 'segment'}>
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
