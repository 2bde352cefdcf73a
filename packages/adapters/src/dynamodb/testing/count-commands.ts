import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** For `useDynalite`: records the name of every store command the client sends into `commands`. */
export const countCommands =
  (commands: string[]) =>
  (client: DynamoDBClient): void =>
    client.middlewareStack.add(
      (next, context) => (args) => {
        commands.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
