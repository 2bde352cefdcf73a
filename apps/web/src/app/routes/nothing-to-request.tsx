import { useNavigate } from 'react-router';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import { EmptyState } from '../../components/ui/empty-state';
import { paths } from '../../lib/paths';

/** For someone no rule lets request anything: why, and who can change it (not a form in vain). */
export function NothingToRequest({ groups }: { groups: readonly string[] }) {
  const navigate = useNavigate();
  const yours = groups.length > 0 ? groups.join(', ') : 'none';
  return (
    <Container>
      <EmptyState
        title="You cannot request access to anything yet"
        action={<Button onClick={() => void navigate(paths.policy)}>See the policy</Button>}
      >
        No rule of Elevate’s policy grants a role to your groups (your groups: {yours}). Ask your
        Elevate administrators to add a rule for one of your groups, or to add you to a group that
        has one.
      </EmptyState>
    </Container>
  );
}
