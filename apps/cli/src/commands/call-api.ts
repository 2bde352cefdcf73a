import { cliErrorOf } from './command-context';

/** Calls the API; its refusals become one line with the right exit code. */
export async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw cliErrorOf(error);
  }
}
