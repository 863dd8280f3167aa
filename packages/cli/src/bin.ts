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

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`flowport: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
