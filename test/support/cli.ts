import { run, type Io } from '@flowport/cli';

/** Runs the `flowport` command in this process: its exit code, and what it wrote, line by line. */
export async function cliLines(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await run(argv, io);
  return { code, out, err };
}

/** The same, with what it wrote to each stream as one text. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, out, err } = await cliLines(...argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
