import type { Persona } from '../config/dev-config';

export interface BannerInput {
  urls: { label: string; url: string }[];
  personas: Persona[];
  dataDir: string;
  startedInMs: number;
}

/** What a newcomer needs once everything answers: where to go and who to be. */
export function readyBanner(input: BannerInput): string {
  const labelWidth = Math.max(...input.urls.map((u) => u.label.length));
  const nameWidth = Math.max(...input.personas.map((p) => p.name.length));
  const roleWidth = Math.max(...input.personas.map((p) => p.role.length));
  const emailWidth = Math.max(...input.personas.map((p) => p.email.length));
  const rule = '─'.repeat(72);
  return [
    rule,
    `Elevate is ready in ${(input.startedInMs / 1000).toFixed(1)} s — open ${input.urls[0]?.url ?? ''}`,
    '',
    ...input.urls.map((u) => `  ${u.label.padEnd(labelWidth)}  ${u.url}`),
    '',
    'Personas (one click each on the sign-in page):',
    ...input.personas.map(
      (p) =>
        `  ${p.name.padEnd(nameWidth)}  ${p.role.padEnd(roleWidth)}  ${p.email.padEnd(emailWidth)}  [${p.groups.join(', ')}]`,
    ),
    '',
    `Data is kept in ${input.dataDir} (delete it to start afresh). Ctrl-C stops everything.`,
    rule,
  ].join('\n');
}
