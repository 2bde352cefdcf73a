import {
  AWS_REGION_PATTERN,
  CONSOLE_DESTINATION_MAX_LENGTH,
  consoleDestinationSchema,
  isConsoleUrl,
} from '@elevate/contracts';
import { ConsoleSignInError } from '@elevate/domain';

/** The console host of a region, e.g. `https://eu-west-1.console.aws.amazon.com`. */
export const regionalConsoleOrigin = (region: string): string =>
  `https://${region}.console.aws.amazon.com`;

/**
 * The absolute console URL a sign-in lands on: the region's console home, a console path taken
 * relative to the region's console, or an already absolute console link. Validated again here (not
 * only at the HTTP edge) because a sign-in URL pointing elsewhere would hand a live session to it.
 */
export const consoleDestinationFor = (region: string, destination?: string): string => {
  if (!AWS_REGION_PATTERN.test(region))
    throw new ConsoleSignInError('refused', 'The console region is not an AWS region.');
  if (destination === undefined)
    return `${regionalConsoleOrigin(region)}/console/home?region=${region}`;
  if (
    destination.length > CONSOLE_DESTINATION_MAX_LENGTH ||
    !consoleDestinationSchema.safeParse(destination).success
  ) {
    throw new ConsoleSignInError(
      'refused',
      'The console destination must be a console path or an AWS console link.',
    );
  }
  return isConsoleUrl(destination) ? destination : `${regionalConsoleOrigin(region)}${destination}`;
};
