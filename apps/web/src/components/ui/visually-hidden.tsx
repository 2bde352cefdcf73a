import type { CSSProperties, ReactNode } from 'react';

// Read by screen readers, not drawn: the usual clip pattern (display:none would hide it from both).
const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span style={HIDDEN}>{children}</span>;
}

export const visuallyHiddenStyle = HIDDEN;
