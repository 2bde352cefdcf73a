// Fault-suite child (faults.test.ts): the local server's notification wiring, writing a burst of
// approvals as fast as it can and printing each acknowledged one, until it is killed with -9.
import { approveRequest, createRequest, transitionWriteOf } from '@elevate/domain';
import type { AccessRequest } from '@elevate/domain';
import { alice, ctx, rita, sandboxInput } from '@elevate/testing';
import { openStore } from '../composition/store';
import { loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { startLocalNotifications } from '../local/local-notifications';

const config = loadNotificationsConfig();
const notifications = startLocalNotifications(
  config,
  openStore(config.dynamodb),
  createJsonLogger({ level: 'silent' }),
);
await notifications.start();
const { repository } = notifications;
const now = new Date().toISOString();

for (let n = 0; ; n++) {
  const id = `burst-${process.pid}-${String(n).padStart(5, '0')}`;
  const created = createRequest(sandboxInput({ id }), ctx({ ...alice, authTime: now }, now));
  if (!created.ok) throw new Error(created.error.code);
  const request: AccessRequest = created.value.request;
  if (!(await repository.create(request)).ok) throw new Error(`create ${id} refused`);
  const approved = approveRequest(request, {}, ctx(rita, now));
  if (!approved.ok) throw new Error(approved.error.code);
  if (!(await repository.applyTransition(transitionWriteOf(request, approved.value))).ok)
    throw new Error(`approve ${id} refused`);
  process.stdout.write(`approved ${id}\n`);
}
