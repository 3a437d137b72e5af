import { PageHeader } from '../components/page-header.js';
import { Link } from '../router/router.js';

export default function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        The dashboard has no page at this address. <Link to="/">Go to the overview</Link>.
      </p>
    </>
  );
}
