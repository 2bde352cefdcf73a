import { lazy, Suspense, useState } from 'react';
import type { DecisionModalProps } from './decision-modal';

// The decision dialog (Cloudscape's modal and textarea) loads when a decision is first asked for,
// not with the queue: the first rows do not need it (issue #12). A link from an e-mail that opens
// the dialog at once loads it at once.
const DecisionModal = lazy(async () => ({
  default: (await import('./decision-modal')).DecisionModal,
}));

/** DecisionModal, its code loaded on first use; mounted from then on. */
export function DeferredDecisionModal(props: DecisionModalProps) {
  const [opened, setOpened] = useState(false);
  if (props.target && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <DecisionModal {...props} />
    </Suspense>
  );
}
