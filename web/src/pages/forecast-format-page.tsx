import forecastFormat from '../../../docs/forecast-format.md?raw';
import { MarkdownText } from '../components/markdown-text.js';
import { PageHeader } from '../components/page-header.js';
import { Link } from '../router/router.js';

/** docs/forecast-format.md, built into the dashboard: the format is documented without fetching anything. */
export default function ForecastFormatPage() {
  return (
    <>
      <PageHeader title="The forecast format" kicker={<Link to="/compare">Choosing a vendor</Link>}>
        <p>
          From <code>docs/forecast-format.md</code>. <code>examples/forecast.yaml</code> is a complete example; the comparison form offers it as a starting point.
        </p>
      </PageHeader>
      <article className="card doc-text" aria-label="Forecast files, compare and backtest">
        <MarkdownText markdown={forecastFormat} />
      </article>
      <p>
        <Link to="/compare" className="button-quiet">
          Back to comparing proposals
        </Link>
      </p>
    </>
  );
}
