// `pnpm bench:load`'s notifier (a child process of its own, as the notifier is its own function in
// AWS): the local server's notifications — the durable outbox relay, the notifier, the dev mailbox
// and the sweeper — on the table the API server writes. Prints `ready notifier`, then `rss <bytes>` and
// `cpu <µs>` (cumulative) each second.
import { openStore } from '../composition/store';
import { loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { startLocalNotifications } from '../local/local-notifications';

const config = loadNotificationsConfig(process.env);
const notifications = startLocalNotifications(
  config,
  openStore(config.dynamodb),
  createJsonLogger({ level: 'silent' }),
);
await notifications.start();
process.stdout.write('ready notifier\n');
setInterval(() => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`rss ${process.memoryUsage().rss}\ncpu ${user + system}\n`);
}, 1_000);
