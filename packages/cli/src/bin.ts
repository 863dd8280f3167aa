import { run } from './program';

// A reader that stops early (`flowport validate … | head`) closes the pipe. Before, the command
// ended with an unhandled EPIPE error and its stack; now it ends quietly, with the status a shell
// gives a program a closed pipe stops (128 + SIGPIPE), so that `set -o pipefail` still sees that
// the output was cut short.
const SIGPIPE_STATUS = 141;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(SIGPIPE_STATUS);
  });
}

/** What a finished command itself holds open: its output streams and file requests. */
const OWN_RESOURCES = new Set(['TTYWrap', 'PipeWrap', 'FSReqCallback', 'FSReqPromise', 'FileHandle']);

/**
 * Ends the process once the command is done. A connector exported from the module that also
 * starts the app (`listen()` at the top of `server.ts`) leaves a server running; before, a build
 * then wrote its files and never ended, which held a CI job until its time limit.
 */
function finish(code: number): void {
  const left = process.getActiveResourcesInfo?.().filter((r) => !OWN_RESOURCES.has(r)) ?? [];
  if (left.length > 0)
    process.stderr.write(
      `flowport: the module left ${[...new Set(left)].join(', ')} running (a server it starts, a timer, a connection); ` +
        'flowport ends without waiting. Export the connector from a module that does not start the app.\n',
    );
  process.exitCode = code;
  // Exit once what was written has gone out: a pipe's writes may still be queued.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

run(process.argv.slice(2)).then(finish, (err: unknown) => {
  process.stderr.write(`flowport: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  finish(1);
});
