const colours = [36, 35, 33, 32, 34, 91, 96];
let next = 0;

export type Log = (line: string) => void;

/** A logger whose every line starts with a fixed-width, coloured name, like the other services'. */
export function prefixedLog(name: string, width = 5): Log {
  const colour = colours[next++ % colours.length] ?? 36;
  const tty = process.stdout.isTTY;
  const label = name.padEnd(width);
  const prefix = tty ? `\x1b[${colour}m${label}\x1b[0m │ ` : `${label} │ `;
  return (line) => {
    for (const part of line.replace(/\s+$/, '').split('\n'))
      process.stdout.write(`${prefix}${part}\n`);
  };
}

/** Splits a child's output into lines and hands each to a logger. */
export function lineSplitter(log: Log): (chunk: Buffer | string) => void {
  let rest = '';
  return (chunk) => {
    const text = rest + chunk.toString();
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') log(line);
  };
}
