import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { parse } from 'yaml';
import type { DeployConfig } from '../config/deploy-config-schema';
import { parseDeployConfig } from '../config/load-deploy-config';
import { buildElevateApp, type ElevateStacks } from '../elevate-app';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXAMPLE_CONFIG_FILE = resolve(REPO_ROOT, 'config/deploy.example.yaml');

/** The example deploy config as raw YAML data, for tests that change one field. */
export function exampleConfigData(): Record<string, unknown> {
  return parse(readFileSync(EXAMPLE_CONFIG_FILE, 'utf8')) as Record<string, unknown>;
}

export function exampleConfig(overrides: Record<string, unknown> = {}): DeployConfig {
  return parseDeployConfig({ ...exampleConfigData(), ...overrides }, EXAMPLE_CONFIG_FILE);
}

/** The same feature flags `cdk synth` uses (cdk.json), so tests see what synth produces. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(resolve(REPO_ROOT, 'infra/cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface TestApp {
  readonly app: App;
  readonly stacks: ElevateStacks;
  readonly config: DeployConfig;
}

/**
 * Builds the whole app without bundling (esbuild runs only in `pnpm synth`), without the synth-time
 * nag plugin (tests run cdk-nag directly to read its findings) and without CDK's template lint.
 */
export function buildTestApp(
  options: { config?: DeployConfig; webDistDir?: string } = {},
): TestApp {
  const app = new App({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] },
    // CDK's own template lint takes seconds per synth; `pnpm synth` still runs it.
    builtinCloudFormationValidation: false,
  });
  const config = options.config ?? exampleConfig();
  const stacks = buildElevateApp(app, {
    config,
    configFile: EXAMPLE_CONFIG_FILE,
    repoRoot: REPO_ROOT,
    webDistDir: options.webDistDir ?? resolve(REPO_ROOT, 'infra/.no-web-build'),
    nag: false,
  });
  return { app, stacks, config };
}

/** A CloudFormation resource as the assertions library returns it. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export function resourcesOf(template: Template, type: string): Record<string, CfnResourceJson> {
  return template.findResources(type) as Record<string, CfnResourceJson>;
}

export interface PolicyStatementJson {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
  readonly Sid?: string;
}

export function actionsOf(statement: PolicyStatementJson): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

export function resourcesOfStatement(statement: PolicyStatementJson): unknown[] {
  const resource = statement.Resource;
  if (resource === undefined) return [];
  return Array.isArray(resource) ? resource : [resource];
}

/** Identity-policy statements of one role (inline `Policies` and attached AWS::IAM::Policy). */
export function statementsOfRole(template: Template, roleLogicalId: string): PolicyStatementJson[] {
  const role = resourcesOf(template, 'AWS::IAM::Role')[roleLogicalId];
  if (role === undefined) throw new Error(`no role ${roleLogicalId}`);
  const inline = (
    (role.Properties?.Policies ?? []) as { PolicyDocument: { Statement: PolicyStatementJson[] } }[]
  ).flatMap((policy) => policy.PolicyDocument.Statement);
  const attached = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) =>
      ((policy.Properties?.Roles ?? []) as unknown[]).some(
        (ref) => JSON.stringify(ref) === JSON.stringify({ Ref: roleLogicalId }),
      ),
    )
    .flatMap(
      (policy) =>
        (policy.Properties?.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement,
    );
  return [...inline, ...attached];
}

/** The logical id CloudFormation sees for an L2's main resource. */
export function logicalIdOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (!(resource instanceof CfnElement))
    throw new Error(`${construct.node.path} has no CfnElement`);
  const stack = Stack.of(resource);
  return String(stack.resolve(stack.getLogicalId(resource)));
}
