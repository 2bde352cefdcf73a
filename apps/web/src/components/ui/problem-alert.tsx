import type { ReactNode } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { isApiProblem } from '../../lib/api-problem';
import { problemAdvice } from '../../lib/problem-advice';

export interface ProblemAlertProps {
  error: unknown;
  /** E.g. a retry button. */
  action?: ReactNode;
}

/** Any failure, in words: the API's title and detail, its field errors, and the id to quote. */
export function ProblemAlert({ error, action }: ProblemAlertProps) {
  if (!isApiProblem(error)) {
    return (
      <Alert type="error" header="Something went wrong" action={action}>
        This page hit an unexpected error. Reload to try again.
      </Alert>
    );
  }
  const advice = problemAdvice(error);
  return (
    <Alert type="error" header={error.title} action={action}>
      {error.detail && <Box variant="p">{error.detail}</Box>}
      {error.fieldErrors.length > 0 && (
        <ul>
          {error.fieldErrors.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              <Box variant="strong">{field.path}</Box>: {field.message}
            </li>
          ))}
        </ul>
      )}
      {advice && <Box variant="p">{advice}</Box>}
      {error.correlationId && (
        <Box variant="small">
          Reference for your operators: <Box variant="code">{error.correlationId}</Box>
        </Box>
      )}
    </Alert>
  );
}
