export * from './notification-event';
export * from './derive-notification-events';
export * from './audience';
export * from './plain-text';
export * from './compose-notification';
export * from './pending-reminder';
export * from './ports';
