import type { ReactNode } from 'react';
import SpaceBetween from '@cloudscape-design/components/space-between';

/**
 * A table row's buttons on one line. Its width is that line, so the table gives the column room
 * (or scrolls, with the column sticky) instead of stacking the buttons or wrapping their labels.
 */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <div style={{ width: 'max-content' }}>
      <SpaceBetween direction="horizontal" size="xs" alignItems="center">
        {children}
      </SpaceBetween>
    </div>
  );
}
