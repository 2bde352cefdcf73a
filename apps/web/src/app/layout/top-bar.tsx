import TopNavigation from '@cloudscape-design/components/top-navigation';
import type { ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import { PRODUCT_NAME } from '../../hooks/use-document-title';
import type { Appearance, ColorScheme } from '../../lib/appearance';
import { paths } from '../../lib/paths';

export interface TopBarProps {
  name: string;
  email: string | undefined;
  /** Undefined while not yet known. */
  groups: readonly string[] | undefined;
  appearance: Appearance;
  onAppearanceChange: (next: Appearance) => void;
  onHome: () => void;
  onSignOut: () => void;
}

const SIGN_OUT = 'sign-out';
const COMPACT = 'density:compact';
const SCHEME_ITEMS: { id: `scheme:${ColorScheme}`; scheme: ColorScheme; text: string }[] = [
  { id: 'scheme:system', scheme: 'system', text: 'Same as my device' },
  { id: 'scheme:light', scheme: 'light', text: 'Light' },
  { id: 'scheme:dark', scheme: 'dark', text: 'Dark' },
];

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

function appearanceItems(appearance: Appearance): ButtonDropdownProps.ItemOrGroup[] {
  return [
    {
      id: 'appearance',
      text: 'Appearance',
      items: SCHEME_ITEMS.map(({ id, scheme, text }) => ({
        id,
        text,
        itemType: 'checkbox',
        checked: appearance.colorScheme === scheme,
      })),
    },
    {
      id: 'density',
      text: 'Density',
      items: [
        {
          id: COMPACT,
          text: 'Compact',
          itemType: 'checkbox',
          checked: appearance.density === 'compact',
        },
      ],
    },
  ];
}

/** Product identity, who is signed in with their groups, appearance, and sign-out. */
export function TopBar({
  name,
  email,
  groups,
  appearance,
  onAppearanceChange,
  onHome,
  onSignOut,
}: TopBarProps) {
  return (
    <TopNavigation
      identity={{
        href: paths.home,
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
            ...appearanceItems(appearance),
            { id: SIGN_OUT, text: 'Sign out' },
          ],
          onItemClick: ({ detail }) => {
            if (detail.id === SIGN_OUT) return onSignOut();
            if (detail.id === COMPACT)
              return onAppearanceChange({
                ...appearance,
                density: appearance.density === 'compact' ? 'comfortable' : 'compact',
              });
            const scheme = SCHEME_ITEMS.find((item) => item.id === detail.id)?.scheme;
            if (scheme) onAppearanceChange({ ...appearance, colorScheme: scheme });
          },
        },
      ]}
    />
  );
}
