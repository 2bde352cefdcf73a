import type { CreateRequestInput } from '@elevate/domain';
import { productionAdminInput, sandboxInput } from '@elevate/domain/testing';

const bodyOf = ({ id: _id, ...body }: CreateRequestInput) => body;

/** Create-request bodies as the API receives them: one approval in the sandbox, two in production. */
export const sandbox = bodyOf(sandboxInput());
export const productionAdmin = bodyOf(productionAdminInput());
