import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type * as z from 'zod/mini';
import { deployConfigSchema, type DeployConfig } from './deploy-config-schema';

/** A deploy config that cannot be used; the message names the file and every bad field. */
export class DeployConfigError extends Error {
  override readonly name = 'DeployConfigError';
  constructor(
    readonly file: string,
    readonly issues: readonly string[],
  ) {
    super(`Invalid deploy config ${file}:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
  }
}

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the whole file)';
  return `${where}: ${issue.message}`;
}

/** Validates an already-parsed deploy config; `file` only labels the error. */
export function parseDeployConfig(raw: unknown, file: string): DeployConfig {
  const result = deployConfigSchema.safeParse(raw);
  if (!result.success) throw new DeployConfigError(file, result.error.issues.map(describe));
  return result.data;
}

/** Reads and validates the deploy config YAML. */
export function loadDeployConfig(file: string): DeployConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DeployConfigError(file, ['(the whole file): cannot be read; pass -c config=<path>']);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    throw new DeployConfigError(file, [`(the whole file): is not valid YAML: ${reason}`]);
  }
  return parseDeployConfig(raw, file);
}
