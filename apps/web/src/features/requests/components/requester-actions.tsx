import { useState, type ReactNode } from 'react';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { RequestSummary } from '@elevate/contracts';
import { useAuth } from '../../../auth';
import type { FlashMessage } from '../../../hooks/use-flash-messages';
import { isStepUpRequired } from '../../../lib/api-problem';
import { useRequestTransition, type RequesterTransition } from '../api/request-transitions';
import { useOpenConsole } from '../api/start-session';
import { CliCredentialsModal } from './cli-credentials-modal';
import { ConfirmTransitionModal } from './confirm-transition-modal';
import { RequestAgainButton } from './request-again-button';
import { requestLabel } from './request-label';

/** Console and CLI access: approved, inside the window; the API checks again when asked. */
export function mayFederate(request: Pick<RequestSummary, 'status' | 'phase'>): boolean {
  return request.status === 'APPROVED' && request.phase === 'active';
}

export interface RequesterActionsOptions {
  onFlash: (message: FlashMessage) => void;
  /** False on someone else's request: only the requester may take its access. */
  isRequester?: (request: RequestSummary) => boolean;
}

/**
 * The requester's buttons for one request (Access console, CLI credentials, End now, Cancel,
 * Request again) and the dialogs they open; render `dialogs` once next to the list.
 */
export function useRequesterActions(onFlash: RequesterActionsOptions['onFlash'], isRequester: RequesterActionsOptions['isRequester'] = () => true) {
  const { stepUp } = useAuth();
  const openConsole = useOpenConsole();
  const [cliFor, setCliFor] = useState<RequestSummary | null>(null);
  const [confirming, setConfirming] = useState<{ transition: RequesterTransition; request: RequestSummary } | null>(null);
  const cancel = useRequestTransition('cancel');
  const end = useRequestTransition('end');
  const transitionMutation = confirming?.transition === 'end' ? end : cancel;

  const startConsole = (request: RequestSummary) => {
    openConsole.mutate(request.id, {
      onSuccess: () => onFlash({ type: 'success', header: `Console opened in a new tab: ${requestLabel(request)}` }),
      onError: (error) => {
        if (isStepUpRequired(error)) {
          onFlash({ type: 'info', header: 'Sign in again to open the console', content: 'This role asks for a fresh sign-in. You will come back here; then click Access console again.' });
          void stepUp();
          return;
        }
        onFlash({ type: 'error', header: 'The console could not be opened', content: error instanceof Error ? error.message : undefined });
      },
    });
  };

  const startTransition = (transition: RequesterTransition, request: RequestSummary) => {
    cancel.reset();
    end.reset();
    setConfirming({ transition, request });
  };

  const confirm = (comment: string) => {
    if (!confirming) return;
    const { transition, request } = confirming;
    transitionMutation.mutate(
      { id: request.id, comment },
      {
        onSuccess: () => {
          setConfirming(null);
          onFlash({ type: 'success', header: transition === 'end' ? `Access ended: ${requestLabel(request)}` : `Request cancelled: ${requestLabel(request)}` });
        },
      },
    );
  };

  const actionsFor = (request: RequestSummary): ReactNode => {
    const label = requestLabel(request);
    const mine = isRequester(request);
    return (
      <SpaceBetween direction="horizontal" size="xs">
        {mine && mayFederate(request) && (
          <>
            <Button
              variant="primary"
              iconName="external"
              iconAlign="right"
              loading={openConsole.isPending && openConsole.variables === request.id}
              onClick={() => startConsole(request)}
              ariaLabel={`Access console: ${label}`}
            >
              Access console
            </Button>
            <Button iconName="key" onClick={() => setCliFor(request)} ariaLabel={`CLI credentials: ${label}`}>
              CLI credentials
            </Button>
          </>
        )}
        {request.allowedActions.includes('endEarly') && (
          <Button onClick={() => startTransition('end', request)} ariaLabel={`End now: ${label}`}>
            End now
          </Button>
        )}
        {request.allowedActions.includes('cancel') && (
          <Button onClick={() => startTransition('cancel', request)} ariaLabel={`Cancel: ${label}`}>
            Cancel
          </Button>
        )}
        {mine && <RequestAgainButton request={request} />}
      </SpaceBetween>
    );
  };

  const dialogs = (
    <>
      <CliCredentialsModal request={cliFor} onClose={() => setCliFor(null)} />
      <ConfirmTransitionModal
        key={confirming ? `${confirming.transition}:${confirming.request.id}` : 'closed'}
        transition={confirming?.transition ?? 'cancel'}
        request={confirming?.request ?? null}
        pending={transitionMutation.isPending}
        error={transitionMutation.error}
        onConfirm={confirm}
        onDismiss={() => setConfirming(null)}
      />
    </>
  );

  return { actionsFor, dialogs };
}
