// `pnpm bench:floors`: the least a signed-in SPA page and the federate function can weigh with the
// stack Elevate is built on, before any of Elevate's own code. Each floor is bundled from a few
// lines that only import and use the parts named, with the production settings (esbuild, minified;
// the functions with FUNCTION_BUNDLING, the SPA's JavaScript gzip -9 as issue #12 counts it), so
// the figures are what the targets must be read against (docs/performance.md, issue #12).
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { FUNCTION_BUNDLING } from '../infra/src/constructs/function-bundling';

const repoRoot = resolve(import.meta.dirname, '..');
const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

interface Floor {
  name: string;
  source: string;
}

/** The bundle's JavaScript, built from `source` as if it were a file in `packageDirs[0]`. */
async function bundled(
  source: string,
  options: { packageDirs: string[]; web: boolean },
): Promise<Uint8Array> {
  const [resolveDir = repoRoot] = options.packageDirs.map((dir) => join(repoRoot, dir));
  const { banner: _banner, ...lambda } = FUNCTION_BUNDLING;
  const result = await build({
    ...(options.web
      ? {
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          jsx: 'automatic',
          define: { 'process.env.NODE_ENV': '"production"' },
          // Cloudscape's components import their CSS; issue #12 counts JavaScript.
          loader: { '.css': 'empty' },
        }
      : {
          ...lambda,
          // The map is written beside a deployed bundle, not in it.
          sourcemap: false,
          mainFields: [...lambda.mainFields],
          external: [...lambda.external],
          alias: { ...lambda.alias },
        }),
    stdin: { contents: source, loader: options.web ? 'tsx' : 'ts', resolveDir },
    nodePaths: options.packageDirs.map((dir) => join(repoRoot, dir, 'node_modules')),
    absWorkingDir: repoRoot,
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'error',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild wrote nothing');
  return output.contents;
}

const reactRoot = `import { createRoot } from 'react-dom/client';`;
const router = `import { createBrowserRouter, RouterProvider } from 'react-router';`;
const cloudscapeFrame = `
import TopNavigation from '@cloudscape-design/components/top-navigation';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Table from '@cloudscape-design/components/table';
import Header from '@cloudscape-design/components/header';
const Page = () => (
  <>
    <TopNavigation identity={{ href: '/', title: 'Elevate' }} />
    <SideNavigation items={[{ type: 'link', text: 'My access', href: '/' }]} />
    <BreadcrumbGroup items={[{ text: 'My access', href: '/' }]} />
    <Table
      header={<Header>Requests</Header>}
      items={[{ id: 'r' }]}
      columnDefinitions={[{ id: 'id', header: 'Request', cell: (item) => item.id }]}
    />
  </>
);`;
const mount = (element: string) =>
  `createRoot(document.getElementById('root')!).render(${element});`;
const routed = (element: string) =>
  `const router = createBrowserRouter([{ path: '/', element: ${element} }]);\n${mount('<RouterProvider router={router} />')}`;

const SPA_FLOORS: Floor[] = [
  { name: 'React DOM', source: `${reactRoot}\n${mount('<p>Elevate</p>')}` },
  {
    name: 'React DOM + react-router (data router)',
    source: `${reactRoot}\n${router}\n${routed('<p>Elevate</p>')}`,
  },
  {
    name: 'React DOM + Cloudscape top bar, side navigation, breadcrumbs, table (no router)',
    source: `${reactRoot}\n${cloudscapeFrame}\n${mount('<Page />')}`,
  },
  {
    name: 'React DOM + react-router + those Cloudscape parts: a signed-in page, empty',
    source: `${reactRoot}\n${router}\n${cloudscapeFrame}\n${routed('<Page />')}`,
  },
];

const sdkClients = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';`;
const federateCalls = (wrap: string) => `
const documents = DynamoDBDocumentClient.from(${wrap}(new DynamoDBClient({})));
const sts = ${wrap}(new STSClient({}));
export const handler = async (event: { pattern: string }) => {
  __MATCH__
  await documents.send(new GetCommand({ TableName: 't', Key: { PK: 'p' } }));
  await documents.send(new QueryCommand({ TableName: 't', KeyConditionExpression: 'PK = :p' }));
  await documents.send(new PutCommand({ TableName: 't', Item: { PK: 'p' } }));
  return sts.send(new AssumeRoleCommand({ RoleArn: 'r', RoleSessionName: 's' }));
};`;
const tracer = `import { Tracer } from '@aws-lambda-powertools/tracer';\nconst tracer = new Tracer();`;
const re2 = `import { RE2JS } from 're2js';`;
const withoutMatch = (source: string) => source.replace('__MATCH__', '');
const withMatch = (source: string) =>
  source.replace('__MATCH__', 'RE2JS.compile(event.pattern).matcher("x").find();');

const FUNCTION_FLOORS: Floor[] = [
  {
    name: 'DynamoDB and STS clients (the SDK bundled, environment credentials)',
    source: withoutMatch(`${sdkClients}\n${federateCalls('')}`),
  },
  {
    name: '+ Powertools Tracer: every SDK call an X-Ray subsegment (issue #19)',
    source: withoutMatch(`${sdkClients}\n${tracer}\n${federateCalls('tracer.captureAWSv3Client')}`),
  },
  {
    name: '+ re2js: self-service patterns checked again at federation (issue #19)',
    source: withMatch(
      `${sdkClients}\n${tracer}\n${re2}\n${federateCalls('tracer.captureAWSv3Client')}`,
    ),
  },
];

console.log('A signed-in SPA page (issue #12 target: 200 KiB of JavaScript, gzip -9)');
for (const floor of SPA_FLOORS) {
  const js = await bundled(floor.source, { packageDirs: ['apps/web'], web: true });
  console.log(`  ${kib(gzipSync(js, { level: 9 }).length).padStart(6)} KiB  ${floor.name}`);
}
console.log('\nThe federate function (issue #12 target: 400 KiB minified)');
for (const floor of FUNCTION_FLOORS) {
  const js = await bundled(floor.source, {
    packageDirs: ['packages/adapters', 'apps/api', 'packages/domain'],
    web: false,
  });
  console.log(`  ${kib(js.length).padStart(6)} KiB  ${floor.name}`);
}
