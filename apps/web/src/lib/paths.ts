// Every page's address, declared once: links, redirects and the router all take them from here, so a
// renamed path is one edit and a link to a page that does not exist fails to compile.

/** The review queues, as the Reviews page's `?tab=` names them. */
export type ReviewTab = 'pending' | 'break-glass' | 'decided';

export const paths = {
  /** Sends each person to their own home (see homePathFor). */
  home: '/',
  myAccess: '/my-access',
  newRequest: '/requests/new',
  request: (id: string) => `/requests/${encodeURIComponent(id)}`,
  reviews: (tab: ReviewTab = 'pending') => (tab === 'pending' ? '/reviews' : `/reviews?tab=${tab}`),
  activeAccess: '/access',
  audit: '/audit',
  insights: '/insights',
  policy: '/policy',
  signedOut: '/signed-out',
} as const;

/** The router's patterns for the same pages (relative to the signed-in area). */
export const routePatterns = {
  myAccess: 'my-access',
  newRequest: 'requests/new',
  request: 'requests/:id',
  reviews: 'reviews',
  activeAccess: 'access',
  audit: 'audit',
  insights: 'insights',
  policy: 'policy',
} as const;
