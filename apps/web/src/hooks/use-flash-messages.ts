import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import { useAnnounce } from '../components/ui/announcer';

export interface FlashMessage {
  type: 'success' | 'error' | 'info' | 'warning';
  header: string;
  content?: string;
}

/** What a page hands the next one through router state, e.g. "Request sent" after creating one. */
export interface FlashState {
  flash?: FlashMessage;
}

function flashFromState(state: unknown): FlashMessage | undefined {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return undefined;
  const flash = (state as FlashState).flash;
  return flash && typeof flash.header === 'string' ? flash : undefined;
}

/** The words a screen reader hears for a message: its header, then its detail. */
function spokenFlash(message: FlashMessage): string {
  return message.content ? `${message.header}. ${message.content}` : message.header;
}

let nextId = 0;

export interface FlashMessages {
  items: FlashbarProps.MessageDefinition[];
  show: (message: FlashMessage) => void;
  /** Changes with each new message: where it is shown, focus moves to it (the action's result). */
  latestId: string | undefined;
}

/**
 * Action results shown at the top of a page, dismissible, and announced to screen readers. Picks up
 * a message passed with `navigate(to, { state: { flash } })` once, then clears it so a reload does
 * not repeat it.
 */
export function useFlashMessages(): FlashMessages {
  const [messages, setMessages] = useState<(FlashMessage & { id: string })[]>([]);
  const location = useLocation();
  const navigate = useNavigate();
  const announce = useAnnounce();

  const show = useCallback(
    (message: FlashMessage) => {
      nextId += 1;
      const id = `flash-${nextId}`;
      setMessages((current) =>
        [{ ...message, id }, ...current.filter((m) => m.header !== message.header)].slice(0, 3),
      );
      announce(spokenFlash(message), message.type === 'error' ? 'assertive' : 'polite');
    },
    [announce],
  );

  const carried = flashFromState(location.state);
  useEffect(() => {
    if (!carried) return;
    show(carried);
    void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [carried, show, navigate, location.pathname, location.search]);

  const items = messages.map((message): FlashbarProps.MessageDefinition => ({
    id: message.id,
    type: message.type,
    header: message.header,
    content: message.content,
    dismissible: true,
    dismissLabel: 'Dismiss message',
    onDismiss: () => setMessages((current) => current.filter((m) => m.id !== message.id)),
  }));
  return { items, show, latestId: messages[0]?.id };
}
