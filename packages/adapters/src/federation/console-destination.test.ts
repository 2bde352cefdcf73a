import { ConsoleSignInError } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { consoleDestinationFor } from './console-destination';

describe('consoleDestinationFor', () => {
  it('opens the console home of the chosen region by default', () => {
    expect(consoleDestinationFor('eu-central-1')).toBe(
      'https://eu-central-1.console.aws.amazon.com/console/home?region=eu-central-1',
    );
  });

  it('takes a console path relative to the region’s console', () => {
    expect(consoleDestinationFor('eu-west-1', '/s3/home?region=eu-west-1')).toBe(
      'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
    );
  });

  it('keeps an absolute console deep link as it is', () => {
    const link = 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions';
    expect(consoleDestinationFor('eu-west-1', link)).toBe(link);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    'https://console.aws.amazon.com@evil.example/',
    '/s3/home\r\nx: y',
  ])('refuses %j, which could lead off the AWS console', (destination) => {
    expect(() => consoleDestinationFor('eu-west-1', destination)).toThrow(ConsoleSignInError);
  });

  it('refuses a region that is not one, since it becomes part of the host', () => {
    expect(() => consoleDestinationFor('evil.example/x')).toThrow(ConsoleSignInError);
  });
});
