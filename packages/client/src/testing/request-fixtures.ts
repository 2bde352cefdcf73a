import type { CreateRequestBody } from '@elevate/contracts';

/** A body the API accepts for `createRequest`. */
export const createBody: CreateRequestBody = {
  accountId: '111111111111',
  roleName: 'ReadOnly',
  justification: 'Investigate the failing deploy',
};
