import type { ElevateRoles } from '@elevate/contracts';

/**
 * Which parts of the app a user may open, from their IdP groups. Only hides what would be useless;
 * the API enforces the real rules. Group names match the personas in config/dev-stack.yaml.
 */
const ACCESS_GROUPS = {
  reviewers: 'reviewers',
  auditors: 'auditors',
  admins: 'elevate-admins',
  securityLeads: 'security-leads',
} as const;

export type NavSection =
  'my-access' | 'new-request' | 'reviews' | 'active-access' | 'audit' | 'insights' | 'policy';

const NAV_SECTION_ORDER: readonly NavSection[] = [
  'my-access',
  'new-request',
  'reviews',
  'active-access',
  'audit',
  'insights',
  'policy',
];

/**
 * Prefer `roles` (from `/me`, which reads the policy's group mapping); the fixed group names are the
 * fallback while `/me` has not answered.
 */
export function mayUseSection(
  section: NavSection,
  groups: readonly string[],
  roles?: ElevateRoles,
): boolean {
  if (roles) {
    if (roles.admin) return true;
    if (section === 'reviews' || section === 'active-access') return roles.reviewer;
    if (section === 'audit') return roles.auditor;
    if (section === 'insights') return roles.auditor || roles.securityLead === true;
    return true;
  }
  if (groups.includes(ACCESS_GROUPS.admins)) return true;
  switch (section) {
    case 'my-access':
    case 'new-request':
    case 'policy':
      return true;
    case 'reviews':
    case 'active-access':
      return groups.includes(ACCESS_GROUPS.reviewers);
    case 'audit':
      return groups.includes(ACCESS_GROUPS.auditors);
    case 'insights':
      return (
        groups.includes(ACCESS_GROUPS.auditors) || groups.includes(ACCESS_GROUPS.securityLeads)
      );
  }
}

export function navSectionsFor(groups: readonly string[], roles?: ElevateRoles): NavSection[] {
  return NAV_SECTION_ORDER.filter((section) => mayUseSection(section, groups, roles));
}
