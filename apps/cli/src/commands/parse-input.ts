import { InvalidArgumentError } from 'commander';

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?$/;

/** `2h`, `90m`, `1h30m` → minutes. */
export function parseDurationMinutes(value: string): number {
  const match = DURATION.exec(value.trim());
  const hours = Number(match?.[1] ?? 0);
  const minutes = Number(match?.[2] ?? 0);
  if (!match || (match[1] === undefined && match[2] === undefined) || hours * 60 + minutes <= 0) {
    throw new InvalidArgumentError('use hours and/or minutes, e.g. 2h, 90m or 1h30m');
  }
  return hours * 60 + minutes;
}

/** An ISO-8601 time with a zone (`2030-01-01T09:00Z`) or `+30m` / `+2h` from now → ISO UTC. */
export function parseStartTime(value: string, now: number): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('+')) {
    const minutes = parseDurationMinutes(trimmed.slice(1));
    return new Date(now + minutes * 60_000).toISOString();
  }
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const at = Date.parse(trimmed);
  if (!hasZone || Number.isNaN(at)) {
    throw new InvalidArgumentError('use an ISO time with a zone (2030-01-01T09:00Z) or +30m');
  }
  return new Date(at).toISOString();
}

/** A non-empty comment or reason; refuses blank text so the API's own message is not needed. */
export function parseText(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('must not be empty');
  return value;
}

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function parseRegion(value: string): string {
  if (!AWS_REGION.test(value))
    throw new InvalidArgumentError('must be an AWS region such as eu-west-1');
  return value;
}
