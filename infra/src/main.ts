// The CDK app (cdk.json runs this). The deploy config's path comes from `-c config=<path>`.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { DeployConfigError, loadDeployConfig } from './config/load-deploy-config';
import { PolicyFileError } from './config/load-policy-targets';
import { buildElevateApp } from './elevate-app';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const app = new App();
const configContext: unknown = app.node.tryGetContext('config');
const configFile = resolve(
  repoRoot,
  typeof configContext === 'string' ? configContext : 'config/deploy.example.yaml',
);

try {
  const config = loadDeployConfig(configFile);
  buildElevateApp(app, { config, configFile, repoRoot });
  app.synth();
} catch (error) {
  // A bad config is the operator's to fix: say what is wrong, without a stack trace.
  if (error instanceof DeployConfigError || error instanceof PolicyFileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
