import TopNavigation from '@cloudscape-design/components/top-navigation';
import type { ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import { PRODUCT_NAME } from '../../hooks/use-document-title';

export interface TopBarProps {
  name: string;
  email: string | undefined;
  /** Undefined while not yet known. */
  groups: readonly string[] | undefined;
  onHome: () => void;
  onSignOut: () => void;
}

const SIGN_OUT = 'sign-out';

function groupItems(groups: readonly string[] | undefined): ButtonDropdownProps.Item[] {
  if (groups === undefined) return [{ id: 'groups-loading', text: 'Loading…', disabled: true }];
  if (groups.length === 0) return [{ id: 'groups-none', text: 'No groups', disabled: true }];
  return groups.map((group) => ({
    id: `group:${group}`,
    text: group,
    iconName: 'group',
    disabled: true,
  }));
}

/** Product identity, who is signed in with their groups, and sign-out. */
export function TopBar({ name, email, groups, onHome, onSignOut }: TopBarProps) {
  return (
    <TopNavigation
      identity={{
        href: '/',
        title: PRODUCT_NAME,
        logo: { src: '/favicon.svg', alt: '' },
        onFollow: (event) => {
          event.preventDefault();
          onHome();
        },
      }}
      utilities={[
        {
          type: 'menu-dropdown',
          text: name,
          description: email,
          iconName: 'user-profile',
          ariaLabel: `Signed in as ${name}`,
          items: [
            { id: 'groups', text: 'Your groups', items: groupItems(groups) },
            { id: SIGN_OUT, text: 'Sign out' },
          ],
          onItemClick: ({ detail }) => {
            if (detail.id === SIGN_OUT) onSignOut();
          },
        },
      ]}
    />
  );
}
