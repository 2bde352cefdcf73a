import type { NavSection } from './access-groups';
import { navSectionsFor } from './access-groups';

export interface NavLink {
  section: NavSection;
  text: string;
  href: string;
}

/** Sections that have a page today; a section appears in the navigation once it has one. */
const SECTION_LINKS: Partial<Record<NavSection, Omit<NavLink, 'section'>>> = {
  'my-access': { text: 'My access', href: '/' },
};

export function sideNavLinks(groups: readonly string[]): NavLink[] {
  return navSectionsFor(groups).flatMap((section) => {
    const link = SECTION_LINKS[section];
    return link ? [{ section, ...link }] : [];
  });
}
