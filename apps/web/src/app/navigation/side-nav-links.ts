import type { ElevateRoles } from '@elevate/contracts';
import { paths } from '../../lib/paths';
import type { NavSection } from './access-groups';
import { navSectionsFor } from './access-groups';
import type { NavCounter } from './nav-counts';

export interface NavLink {
  section: NavSection;
  text: string;
  href: string;
  /** The count of what waits for me there, shown beside the link. */
  counter?: NavCounter;
  /** Listed only while its counter has something to show (a shortcut, not a page of its own). */
  onlyWhenCounted?: boolean;
}

type LinkDefinition = Omit<NavLink, 'section'>;

/** Sections that have a page, one line each; a section appears in the navigation once it has one. */
const SECTION_LINKS: Partial<Record<NavSection, readonly LinkDefinition[]>> = {
  'my-access': [{ text: 'My access', href: paths.myAccess, counter: 'openWindows' }],
  'new-request': [{ text: 'New request', href: paths.newRequest }],
  reviews: [
    { text: 'Reviews', href: paths.reviews(), counter: 'pendingReviews' },
    {
      text: 'Break-glass to review',
      href: paths.reviews('break-glass'),
      counter: 'breakGlassToReview',
      onlyWhenCounted: true,
    },
  ],
  'active-access': [{ text: 'Active access', href: paths.activeAccess }],
  audit: [{ text: 'Audit', href: paths.audit }],
  insights: [{ text: 'Insights', href: paths.insights }],
  policy: [{ text: 'Policy', href: paths.policy }],
};

export interface SideNavOptions {
  /** False for someone no rule lets request anything: "New request" would only disappoint. */
  mayRequest?: boolean;
}

export function sideNavLinks(
  groups: readonly string[],
  roles?: ElevateRoles,
  { mayRequest = true }: SideNavOptions = {},
): NavLink[] {
  return navSectionsFor(groups, roles)
    .filter((section) => mayRequest || section !== 'new-request')
    .flatMap((section) => (SECTION_LINKS[section] ?? []).map((link) => ({ section, ...link })));
}
