import Link, { type LinkProps } from '@cloudscape-design/components/link';
import { useNavigate } from 'react-router';

/**
 * A link to a page of the app: a plain click stays in the single-page app (no reload, the query
 * cache and the session kept); Cloudscape leaves modifier clicks (new tab, new window) to the browser.
 * `to` comes from `paths`, never a hand-written string.
 */
export function RouterLink({
  to,
  ...props
}: Omit<LinkProps, 'href' | 'onFollow'> & { to: string }) {
  const navigate = useNavigate();
  return (
    <Link
      {...props}
      href={to}
      onFollow={(event) => {
        event.preventDefault();
        void navigate(to);
      }}
    />
  );
}
