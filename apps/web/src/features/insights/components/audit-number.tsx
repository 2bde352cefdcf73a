import Link from '@cloudscape-design/components/link';
import { useNavigate } from 'react-router';

/** A number that opens the Audit page on the requests behind it. */
export function AuditNumber({
  value,
  href,
  label,
}: {
  value: number | string;
  href: string;
  /** What the requests are, for screen readers: "12 requests for production Administrator". */
  label: string;
}) {
  const navigate = useNavigate();
  return (
    <Link
      href={href}
      ariaLabel={label}
      onFollow={(event) => {
        event.preventDefault();
        void navigate(href);
      }}
    >
      {value}
    </Link>
  );
}
