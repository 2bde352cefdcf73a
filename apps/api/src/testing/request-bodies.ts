/** Create-request bodies the API tests share: one approval in the sandbox, two in production. */
export const sandbox = {
  accountId: '111111111111',
  roleName: 'PowerUser',
  justification: 'Debug the failing deploy pipeline',
  durationMinutes: 120,
};

export const productionAdmin = {
  accountId: '333333333333',
  roleName: 'Administrator',
  justification: 'Rotate the database credentials after the incident',
  ticket: 'OPS-1234',
  durationMinutes: 60,
};
