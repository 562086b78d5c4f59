// A coverage figure as a link to the resident list filtered to exactly the residents it counts.
import { Link } from 'react-router-dom';
import { coverageListPath, type CoverageKind } from '../../api/coverage.ts';

export function FigureLink(props: {
  area: string;
  date: string;
  kind: CoverageKind;
  value: number;
  more?: Record<string, string | number>;
}) {
  const { area, date, kind, value, more } = props;
  if (!value) return <>{value}</>;
  return (
    <Link to={coverageListPath(area, date, kind, more)} data-figure={kind}>
      {value}
    </Link>
  );
}
