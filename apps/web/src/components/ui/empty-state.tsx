import type { ReactNode } from 'react';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** What an empty list means and what to do next, e.g. a button to create the first item. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Box textAlign="center" color="inherit" padding={{ vertical: 'l' }}>
      <SpaceBetween size="s">
        <Box variant="strong" color="inherit">
          {title}
        </Box>
        {children && (
          <Box variant="p" color="text-body-secondary">
            {children}
          </Box>
        )}
        {action}
      </SpaceBetween>
    </Box>
  );
}
