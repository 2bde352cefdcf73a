import { buildOpenApiDocument } from '@elevate/contracts';

/** `apps/api/openapi.json` exactly as the generator writes it (and as prettier leaves it). */
export function renderOpenApiFile(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
