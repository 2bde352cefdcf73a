import { Navigate } from 'react-router';
import Button from '@cloudscape-design/components/button';
import { PageStatus } from '../../components/ui/page-status';
import { ProblemAlert } from '../../components/ui/problem-alert';
import { useMe } from '../../features/me/api/get-me';
import { homePathFor } from '../navigation/home-path';

/** `/`: each person's home, chosen from what `/me` says they do (replacing `/` in the history). */
export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <PageStatus label="Loading Elevate" />;
  if (me.isError)
    return (
      <ProblemAlert
        error={me.error}
        action={<Button onClick={() => void me.refetch()}>Try again</Button>}
      />
    );
  return <Navigate to={homePathFor(me.data)} replace />;
}
