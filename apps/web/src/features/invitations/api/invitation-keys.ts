/** Query keys of the invitations made out to the signed-in engineer, and of what they may invite to. */
export const invitationKeys = {
  all: ['invitations'] as const,
  mine: () => [...invitationKeys.all, 'mine'] as const,
  targets: () => [...invitationKeys.all, 'targets'] as const,
};
