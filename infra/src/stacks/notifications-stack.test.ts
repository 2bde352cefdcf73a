import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp, exampleConfig, resourcesOf } from '../testing/test-app';

/** Endpoint → FilterPolicy of every subscription in the notifications stack. */
function filtersOf(notifications: Record<string, unknown> | undefined): Record<string, unknown> {
  const config = notifications === undefined ? exampleConfig() : exampleConfig({ notifications });
  const template = Template.fromStack(buildTestApp({ config }).stacks.notifications);
  return Object.fromEntries(
    Object.values(resourcesOf(template, 'AWS::SNS::Subscription')).map((subscription) => {
      expect(subscription.Properties?.Protocol).toBe('email');
      return [String(subscription.Properties?.Endpoint), subscription.Properties?.FilterPolicy];
    }),
  );
}

describe('the notifications stack subscriptions', () => {
  it('give the example reviewers inbox only reviewer messages of its groups, and security only its own', () => {
    expect(filtersOf(undefined)).toEqual({
      'reviewers@example.com': { audience: ['reviewers'], reviewerGroups: ['reviewers'] },
      'security-team@example.com': { audience: ['security'] },
    });
  });

  it('never subscribe an address without a filter, and match a requester only on their own address', () => {
    const filters = filtersOf({
      recipients: [
        { email: 'all-reviewers@example.com', audience: 'reviewers' },
        { email: 'pager@example.com', audience: 'security', urgentOnly: true },
        { email: 'alice@example.com', audience: 'requester' },
      ],
    });
    expect(filters).toEqual({
      'all-reviewers@example.com': { audience: ['reviewers'] },
      'pager@example.com': { audience: ['security'], urgent: ['true'] },
      'alice@example.com': { audience: ['requester'], recipient: ['alice@example.com'] },
    });
    expect(Object.values(filters).every((filter) => filter !== undefined)).toBe(true);
  });

  it('refuse a reviewer-group filter no policy rule routes to, since it would never match', () => {
    expect(() =>
      filtersOf({
        recipients: [
          { email: 'typo@example.com', audience: 'reviewers', reviewerGroups: ['reveiwers'] },
        ],
      }),
    ).toThrow(
      /notifications\.recipients\.0\.reviewerGroups: no rule in the policy routes requests to reveiwers/,
    );
  });
});
