import { Hono } from 'hono';
import {
  answerInvitationBodySchema,
  inviteBodySchema,
  myRequestsQuerySchema,
} from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';
import { parseJsonBody, parseQuery } from '../http/validate';
import { acceptInvitation, declineInvitation } from '../use-cases/answer-invitation';
import { inviteEngineer } from '../use-cases/invite-engineer';
import { listMyInvitations } from '../use-cases/list-my-invitations';
import type { UseCaseDeps } from '../use-cases/use-case-deps';

/** Invitations: a reviewer or admin invites an engineer, who accepts or declines. */
export function invitationRoutes(deps: UseCaseDeps): Hono<AuthedEnv> {
  return new Hono<AuthedEnv>()
    .post('/invitations', async (c) => {
      const view = await inviteEngineer(
        deps,
        c.var.actor,
        await parseJsonBody(c, inviteBodySchema),
      );
      c.header('location', `/requests/${encodeURIComponent(view.id)}`);
      return c.json(view, 201);
    })
    .get('/invitations/mine', async (c) =>
      c.json(await listMyInvitations(deps, c.var.actor, parseQuery(c, myRequestsQuerySchema))),
    )
    .post('/requests/:id/accept', async (c) =>
      c.json(
        await acceptInvitation(
          deps,
          c.var.actor,
          c.req.param('id'),
          await parseJsonBody(c, answerInvitationBodySchema),
        ),
      ),
    )
    .post('/requests/:id/decline', async (c) =>
      c.json(
        await declineInvitation(
          deps,
          c.var.actor,
          c.req.param('id'),
          await parseJsonBody(c, answerInvitationBodySchema),
        ),
      ),
    );
}
