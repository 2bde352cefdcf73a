import { useEffect, useState } from 'react';
import { Outlet, useLocation, useMatches, useNavigate, useNavigation } from 'react-router';
import { useIsFetching } from '@tanstack/react-query';
import Badge from '@cloudscape-design/components/badge';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import { useAuth } from '../../auth';
import { VisuallyHidden } from '../../components/ui/visually-hidden';
import { useMe } from '../../features/me/api/get-me';
import { useAppearance } from '../../hooks/use-appearance';
import { eligibleForNothing, homePathFor } from '../navigation/home-path';
import { useNavCounts, type NavCount } from '../navigation/nav-counts';
import { activeNavHref, isRequestPage } from '../navigation/active-nav-href';
import { breadcrumbsFrom } from '../navigation/breadcrumbs';
import { sideNavLinks } from '../navigation/side-nav-links';
import { SkipLink, MAIN_CONTENT_ID } from './skip-link';
import { ShellFrame } from './shell-frame';
import { TopBar } from './top-bar';

/** A count beside a navigation link; its words are for screen readers, the number for the eye. */
function CountBadge({ count }: { count: NavCount }) {
  return (
    <Badge color="blue">
      <span aria-hidden="true">{count.text}</span>
      <VisuallyHidden>{count.spoken}</VisuallyHidden>
    </Badge>
  );
}

interface FollowDetail {
  href?: string;
  external?: boolean;
}

/**
 * Whether what the page shows may still change by itself: a page's code or loader on its way, or a
 * list being fetched (a first load, a refresh, a poll, the refetch after a change). The page's
 * content carries it as `aria-busy`, so assistive technology waits for the settled content, and so
 * do the e2e journeys instead of waiting a fixed time. (Not `useIsMutating` as well: it doubles the
 * marker's weight, and every change is followed by a refetch anyway.)
 */
function usePageBusy(): boolean {
  const navigating = useNavigation().state !== 'idle';
  const fetching = useIsFetching() > 0;
  return navigating || fetching;
}

/** The skip link's target and the page (focusable by script only, so Tab still starts inside). */
function MainContent() {
  // Its own component: a fetch starting or ending renders this, not the whole frame.
  const busy = usePageBusy();
  return (
    <div id={MAIN_CONTENT_ID} tabIndex={-1} aria-busy={busy} style={{ outline: 'none' }}>
      <Outlet />
    </div>
  );
}

/** The signed-in frame: top bar, navigation by group, breadcrumbs, and the page in the middle. */
export function AppShell() {
  const { user, signOut } = useAuth();
  const me = useMe();
  const [appearance, setAppearance] = useAppearance();
  const counts = useNavCounts(me.data?.eligibility.roles);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const matches = useMatches();
  // The last section page visited, highlighted while a request opened from it is shown.
  const [cameFrom, setCameFrom] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!isRequestPage(pathname)) setCameFrom(pathname);
  }, [pathname]);

  // Client-side navigation for Cloudscape links; modified clicks keep their browser behaviour.
  const follow = (event: CustomEvent<FollowDetail>) => {
    if (event.detail.external || !event.detail.href) return;
    event.preventDefault();
    void navigate(event.detail.href);
  };

  const groups = me.data?.groups ?? [];
  const home = me.data ? homePathFor(me.data) : '/';
  const links = sideNavLinks(groups, me.data?.eligibility.roles, {
    mayRequest: me.data ? !eligibleForNothing(me.data) : true,
  }).filter((link) => !link.onlyWhenCounted || (link.counter && counts[link.counter]));
  return (
    <>
      <SkipLink />
      <ShellFrame
        topBar={
          <TopBar
            name={me.data?.name ?? user?.name ?? user?.email ?? 'Signed in'}
            email={me.data?.email ?? user?.email}
            groups={me.isSuccess ? groups : undefined}
            appearance={appearance}
            onAppearanceChange={setAppearance}
            onHome={() => void navigate(home)}
            onSignOut={() => void signOut()}
          />
        }
        navigation={
          <SideNavigation
            header={{ text: 'Elevate', href: home }}
            activeHref={activeNavHref(pathname, cameFrom)}
            onFollow={follow}
            items={links.map((link) => {
              const count = link.counter && counts[link.counter];
              return {
                type: 'link',
                text: link.text,
                href: link.href,
                info: count ? <CountBadge count={count} /> : undefined,
              };
            })}
          />
        }
        breadcrumbs={
          <BreadcrumbGroup
            items={breadcrumbsFrom(matches)}
            onFollow={follow}
            ariaLabel="Breadcrumbs"
          />
        }
      >
        <MainContent />
      </ShellFrame>
    </>
  );
}
