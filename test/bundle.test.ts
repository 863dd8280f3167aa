import { buildSync } from 'esbuild';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { scratch } from './support/tmp';

/** A user's app: one operation, served on a free port; it asks itself twice, prints, and stops. */
const APP = `
import { Action, Body, Connector, Controller, Field, IsString, Length, Post, Returns } from '@flowport/core';
import { createApp, listen } from '@flowport/express-adapter';

class Greeting {
  @Field({ summary: 'Message' }) @IsString() @Length(1, 20) message!: string;
}

@Controller()
class GreetingController {
  @Post('/greet')
  @Action({ id: 'Greet', summary: 'Greet someone', description: 'Answers with the greeting.' })
  @Returns(200, Greeting)
  greet(@Body() body: Greeting): Greeting {
    return { message: body.message.toUpperCase() };
  }
}

const connector = new Connector({
  info: { title: 'Greeting', version: '1.0', description: 'Greets whoever asks it to.' },
  brandColor: '#123456',
  controllers: [GreetingController],
});

void listen(createApp(connector), 0, '127.0.0.1').then(async (server) => {
  const { port } = server.address() as { port: number };
  const answers = [];
  for (const body of [{ message: 'hello' }, { message: '' }]) {
    const res = await fetch('http://127.0.0.1:' + port + '/greet', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    answers.push({ status: res.status, body: await res.json() });
  }
  process.stdout.write(JSON.stringify(answers));
  server.close();
});
`;

describe('an app bundled into one file with esbuild', () => {
  it('bundles without class-validator installed, and serves', function () {
    // class-validator is an optional peer, required only once an app's DTOs used its decorators.
    // Before, esbuild refused to bundle an app without it ("Could not resolve"), since nothing
    // told it the require could fail.
    this.timeout(60_000);
    const { dir, cleanup } = scratch();
    try {
      // The app as tsc compiles it: legacy decorators, with their design:type metadata.
      const js = ts.transpileModule(APP, {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
        },
      }).outputText;
      writeFileSync(join(dir, 'app.js'), js);
      const bundle = join(dir, 'bundle.js');
      const result = buildSync({
        entryPoints: [join(dir, 'app.js')],
        bundle: true,
        platform: 'node',
        outfile: bundle,
        // As in a project that does not install it.
        alias: { 'class-validator': './class-validator-is-not-installed' },
        logLevel: 'silent',
      });
      assert.deepEqual(result.errors, []);
      const answers = JSON.parse(execFileSync(process.execPath, [bundle], { encoding: 'utf8', timeout: 30_000 })) as {
        status: number;
        body: { message?: string; errors?: { pointer: string }[] };
      }[];
      assert.equal(answers[0].status, 200);
      assert.equal(answers[0].body.message, 'HELLO');
      assert.equal(answers[1].status, 400);
      assert.deepEqual(
        answers[1].body.errors?.map((e) => e.pointer),
        ['/body/message'],
      );
    } finally {
      cleanup();
    }
  });
});
