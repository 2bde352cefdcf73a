import { lazy, Suspense, useEffect, useRef } from 'react';
import type { FlashMessages as Flash } from '../../hooks/use-flash-messages';

// Most visits end with no message; Cloudscape's Flashbar (~9 KiB gzip) loads with the first one.
const Flashbar = lazy(() => import('@cloudscape-design/components/flashbar'));

/** The list's name: tests and assistive technology find the page's messages by it. */
const FLASH_LIST_NAME = 'Messages';

const FLASHBAR_STRINGS = {
  ariaLabel: FLASH_LIST_NAME,
  successIconAriaLabel: 'Success',
  errorIconAriaLabel: 'Error',
  warningIconAriaLabel: 'Warning',
  infoIconAriaLabel: 'Information',
};

/**
 * A page's action results. Screen readers hear each one from the announcer's live region (visually
 * hidden, so the screen shows the text once); this list, named "Messages", is what the eye and the
 * keyboard get. A new message takes the focus, so after Submit, Approve or Revoke the keyboard and
 * the screen reader continue from the result instead of from the top of the page.
 */
export function FlashMessages({ flash }: { flash: Flash }) {
  const region = useRef<HTMLDivElement>(null);
  const { latestId } = flash;
  useEffect(() => {
    if (latestId === undefined) return;
    // After the closing dialog has returned focus to its (possibly vanished) trigger.
    const timer = setTimeout(() => region.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [latestId]);
  return (
    <div ref={region} tabIndex={-1} id="flash-messages">
      {flash.items.length > 0 && (
        <Suspense fallback={null}>
          <Flashbar items={flash.items} stackItems={false} i18nStrings={FLASHBAR_STRINGS} />
        </Suspense>
      )}
    </div>
  );
}
