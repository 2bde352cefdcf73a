import { useEffect, useState } from 'react';
import { Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import { useAuth } from '../../auth';
import { useMe } from '../../features/me/api/get-me';
import { activeNavHref, isRequestPage } from '../navigation/active-nav-href';
import { breadcrumbsFrom } from '../navigation/breadcrumbs';
import { sideNavLinks } from '../navigation/side-nav-links';
import { TopBar } from './top-bar';

interface FollowDetail {
  href?: string;
  external?: boolean;
}

/** The signed-in frame: top bar, navigation by group, breadcrumbs, and the page in the middle. */
export function AppShell() {
  const { user, signOut } = useAuth();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const matches = useMatches();
  const [navigationOpen, setNavigationOpen] = useState(true);
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
  return (
    <>
      <div id="top-bar" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopBar
          name={me.data?.name ?? user?.name ?? user?.email ?? 'Signed in'}
          email={me.data?.email ?? user?.email}
          groups={me.isSuccess ? groups : undefined}
          onHome={() => void navigate('/')}
          onSignOut={() => void signOut()}
        />
      </div>
      <AppLayout
        headerSelector="#top-bar"
        toolsHide
        // Names for the navigation landmark and its open/close buttons (otherwise unnamed).
        ariaLabels={{
          navigation: 'Side navigation',
          navigationToggle: 'Open side navigation',
          navigationClose: 'Close side navigation',
          notifications: 'Notifications',
        }}
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        navigation={
          <SideNavigation
            header={{ text: 'Elevate', href: '/' }}
            activeHref={activeNavHref(pathname, cameFrom)}
            onFollow={follow}
            items={sideNavLinks(groups, me.data?.eligibility.roles).map((link) => ({
              type: 'link',
              text: link.text,
              href: link.href,
            }))}
          />
        }
        breadcrumbs={
          <BreadcrumbGroup
            items={breadcrumbsFrom(matches)}
            onFollow={follow}
            ariaLabel="Breadcrumbs"
          />
        }
        content={<Outlet />}
      />
    </>
  );
}
