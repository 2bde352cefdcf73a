// Writes apps/api/openapi.json, the checked-in copy of the document the API serves at /openapi.json.
// CI fails when the two differ (src/openapi.test.ts): run `pnpm --filter @elevate/api openapi` and commit.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApiFile } from '../src/openapi-file';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
writeFileSync(target, renderOpenApiFile());
console.log(`wrote ${target}`);
