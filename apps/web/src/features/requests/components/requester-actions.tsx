import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown, {
  type ButtonDropdownProps,
} from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { RequestSummary } from '@elevate/contracts';
import { useAuth } from '../../../auth';
import { RowActions } from '../../../components/ui/row-actions';
import type { FlashMessage } from '../../../hooks/use-flash-messages';
import { isStepUpRequired } from '../../../lib/api-problem';
import { useRequestTransition, type RequesterTransition } from '../api/request-transitions';
import { useOpenConsole } from '../api/start-session';
import { RequestAgainButton } from './request-again-button';
import { requestLabel } from './request-label';
import { prefillSearch } from './request-prefill';
import { paths } from '../../../lib/paths';

// The dialogs (with Cloudscape's modal, tabs, textarea and copy button) load when first opened, not
// with the list: nothing before the first row needs them (issue #12). Once loaded they stay mounted,
// so closing one returns the focus as a Cloudscape modal does.
const CliCredentialsModal = lazy(async () => ({
  default: (await import('./cli-credentials-modal')).CliCredentialsModal,
}));
const ConfirmTransitionModal = lazy(async () => ({
  default: (await import('./confirm-transition-modal')).ConfirmTransitionModal,
}));

/** `row`: a table cell on one line; `header`: every action as a button. */
export type RequesterActionsLayout = 'row' | 'header';

interface RequesterAction {
  id: 'console' | 'cli' | 'end' | 'cancel' | 'again';
  text: string;
  ariaLabel: string;
  run: () => void;
}

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
export function useRequesterActions(
  onFlash: RequesterActionsOptions['onFlash'],
  isRequester: RequesterActionsOptions['isRequester'] = () => true,
) {
  const { stepUp } = useAuth();
  const navigate = useNavigate();
  const openConsole = useOpenConsole();
  const [cliFor, setCliFor] = useState<RequestSummary | null>(null);
  const [confirming, setConfirming] = useState<{
    transition: RequesterTransition;
    request: RequestSummary;
  } | null>(null);
  // Whether each dialog was ever opened: its code is loaded from then on.
  const [opened, setOpened] = useState({ cli: false, confirm: false });
  if ((cliFor && !opened.cli) || (confirming && !opened.confirm))
    setOpened({ cli: opened.cli || !!cliFor, confirm: opened.confirm || !!confirming });
  const cancel = useRequestTransition('cancel');
  const end = useRequestTransition('end');
  const transitionMutation = confirming?.transition === 'end' ? end : cancel;

  const startConsole = (request: RequestSummary) => {
    openConsole.mutate(request.id, {
      onSuccess: () =>
        onFlash({
          type: 'success',
          header: `Console opened in a new tab: ${requestLabel(request)}`,
        }),
      onError: (error) => {
        if (isStepUpRequired(error)) {
          onFlash({
            type: 'info',
            header: 'Sign in again to open the console',
            content:
              'This role asks for a fresh sign-in. You will come back here; then click Access console again.',
          });
          // Back from the sign-in, the notice names the button and the request to click.
          void stepUp(
            undefined,
            `You signed in again with MFA. Now click Access console on ${requestLabel(request)}.`,
          );
          return;
        }
        onFlash({
          type: 'error',
          header: 'The console could not be opened',
          content: error instanceof Error ? error.message : undefined,
        });
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
          onFlash({
            type: 'success',
            header:
              transition === 'end'
                ? request.phase === 'scheduled'
                  ? `Access cancelled before it started: ${requestLabel(request)}`
                  : `Access ended: ${requestLabel(request)}`
                : `Request cancelled: ${requestLabel(request)}`,
          });
        },
      },
    );
  };

  /** What this viewer may do to one request, the way in first. */
  const actionList = (request: RequestSummary): RequesterAction[] => {
    const label = requestLabel(request);
    const mine = isRequester(request);
    const list: RequesterAction[] = [];
    if (mine && mayFederate(request)) {
      list.push({
        id: 'console',
        text: 'Access console',
        ariaLabel: `Access console: ${label}`,
        run: () => startConsole(request),
      });
      list.push({
        id: 'cli',
        text: 'CLI credentials',
        ariaLabel: `CLI credentials: ${label}`,
        run: () => setCliFor(request),
      });
    }
    // Before the window opens there is nothing to end: the same transition calls it off.
    const notStarted = request.phase === 'scheduled';
    if (request.allowedActions.includes('endEarly'))
      list.push({
        id: 'end',
        text: notStarted ? 'Cancel access' : 'End now',
        ariaLabel: `${notStarted ? 'Cancel access' : 'End now'}: ${label}`,
        run: () => startTransition('end', request),
      });
    if (request.allowedActions.includes('cancel'))
      list.push({
        id: 'cancel',
        text: 'Cancel',
        ariaLabel: `Cancel: ${label}`,
        run: () => startTransition('cancel', request),
      });
    if (mine)
      list.push({
        id: 'again',
        text: 'Request again',
        ariaLabel: `Request again: ${label}`,
        run: () => void navigate(`${paths.newRequest}?${prefillSearch(request)}`),
      });
    return list;
  };

  const button = (action: RequesterAction, request: RequestSummary) => {
    switch (action.id) {
      case 'console':
        return (
          <Button
            key={action.id}
            variant="primary"
            iconName="external"
            iconAlign="right"
            loading={openConsole.isPending && openConsole.variables === request.id}
            onClick={action.run}
            ariaLabel={action.ariaLabel}
          >
            {action.text}
          </Button>
        );
      case 'again':
        return <RequestAgainButton key={action.id} request={request} />;
      case 'cli':
      case 'end':
      case 'cancel':
        return (
          <Button
            key={action.id}
            iconName={action.id === 'cli' ? 'key' : undefined}
            onClick={action.run}
            ariaLabel={action.ariaLabel}
          >
            {action.text}
          </Button>
        );
    }
  };

  /**
   * `header` (a request's page): every action as a button. `row` (a table): one line — the first
   * action as a button, the rest under a "More actions" menu.
   */
  const actionsFor = (
    request: RequestSummary,
    layout: RequesterActionsLayout = 'header',
  ): ReactNode => {
    const list = actionList(request);
    if (layout === 'header') {
      return (
        <SpaceBetween direction="horizontal" size="xs">
          {list.map((action) => button(action, request))}
        </SpaceBetween>
      );
    }
    const [first, ...rest] = list;
    if (!first || rest.length === 0)
      return <RowActions>{list.map((action) => button(action, request))}</RowActions>;
    const items: ButtonDropdownProps.Item[] = rest.map((action) => ({
      id: action.id,
      text: action.text,
      ariaLabel: action.ariaLabel,
      iconName: action.id === 'cli' ? 'key' : undefined,
    }));
    return (
      <RowActions>
        {button(first, request)}
        <ButtonDropdown
          variant="icon"
          ariaLabel={`More actions: ${requestLabel(request)}`}
          expandToViewport
          items={items}
          onItemClick={({ detail }) => rest.find((action) => action.id === detail.id)?.run()}
        />
      </RowActions>
    );
  };

  const dialogs = (
    <Suspense fallback={null}>
      {opened.cli && <CliCredentialsModal request={cliFor} onClose={() => setCliFor(null)} />}
      {opened.confirm && (
        <ConfirmTransitionModal
          key={confirming ? `${confirming.transition}:${confirming.request.id}` : 'closed'}
          transition={confirming?.transition ?? 'cancel'}
          request={confirming?.request ?? null}
          pending={transitionMutation.isPending}
          error={transitionMutation.error}
          onConfirm={confirm}
          onDismiss={() => setConfirming(null)}
        />
      )}
    </Suspense>
  );

  return { actionsFor, dialogs };
}
