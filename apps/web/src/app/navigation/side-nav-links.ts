import type { ElevateRoles } from '@elevate/contracts';
import type { NavSection } from './access-groups';
import { navSectionsFor } from './access-groups';

export interface NavLink {
  section: NavSection;
  text: string;
  href: string;
}

/** Sections that have a page; a section appears in the navigation once it has one. */
const SECTION_LINKS: Partial<Record<NavSection, Omit<NavLink, 'section'>>> = {
  'my-access': { text: 'My access', href: '/' },
  'new-request': { text: 'New request', href: '/requests/new' },
  reviews: { text: 'Reviews', href: '/reviews' },
  'active-access': { text: 'Active access', href: '/access' },
  audit: { text: 'Audit', href: '/audit' },
  insights: { text: 'Insights', href: '/insights' },
  policy: { text: 'Policy', href: '/policy' },
};

export function sideNavLinks(groups: readonly string[], roles?: ElevateRoles): NavLink[] {
  return navSectionsFor(groups, roles).flatMap((section) => {
    const link = SECTION_LINKS[section];
    return link ? [{ section, ...link }] : [];
  });
}
