import { Connector } from '@flowport/core';
import { createRouter, type AdapterOptions } from '@flowport/express-adapter';
import express, { type RequestHandler } from 'express';
import multer from 'multer';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { BindingController } from './fixtures/binding-api';
import { FilesController } from './fixtures/files-api';
import { connector as forms } from './fixtures/forms-api';

const files = new Connector({
  info: { title: 'Files', description: 'A connector that moves files in and out.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [FilesController],
});

const json = new Connector({
  info: { title: 'Binding', description: 'A connector that takes JSON bodies.', version: '1.0.0' },
  brandColor: '#123456',
  controllers: [BindingController],
});

/** A host app with its own body parser mounted ahead of Flowport's router, as many apps have. */
function hostApp(connector: Connector, ahead: RequestHandler, logged: string[], options: AdapterOptions = {}) {
  const app = express();
  app.use(ahead);
  app.use(
    createRouter(connector, { ...options, logger: { error: (m, d) => logged.push(`${m} ${JSON.stringify(d)}`) } }),
  );
  return app;
}

const bytes = Buffer.from('the bytes of a file, '.repeat(20));
const sha256 = createHash('sha256').update(bytes).digest('hex');

describe('a body read by a parser mounted ahead of the router', () => {
  it('streams the bytes an app-wide express.raw() kept to a binary action, within the file limit', async () => {
    // Before, the handler read an ended stream: it got 0 bytes, and the caller a 200.
    const logged: string[] = [];
    const app = hostApp(files, express.raw(), logged, { fileLimit: 400 });
    const whole = await request(app)
      .post('/files/upload')
      .type('application/octet-stream')
      .send(bytes.subarray(0, 300));
    assert.equal(whole.status, 200, whole.text);
    assert.deepEqual(whole.body, {
      bytes: 300,
      sha256: createHash('sha256').update(bytes.subarray(0, 300)).digest('hex'),
    });
    const over = await request(app).post('/files/upload').type('application/octet-stream').send(bytes);
    assert.equal(over.status, 413);
    assert.deepEqual(logged, []);
  });

  it('takes the chunks of a chunked upload an app-wide express.raw() read', async () => {
    const app = hostApp(files, express.raw(), []);
    const opened = await request(app)
      .put('/files/chunked/report')
      .set({ 'x-ms-transfer-mode': 'chunked', 'x-ms-content-length': String(bytes.length) });
    assert.equal(opened.status, 200, opened.text);
    const location = new URL(String(opened.headers.location)).pathname;
    const chunk = (from: number, to: number) =>
      request(app)
        .patch(location)
        .type('application/octet-stream')
        .set('content-range', `bytes=${from}-${to - 1}/${bytes.length}`)
        .send(bytes.subarray(from, to));
    assert.equal((await chunk(0, 200)).status, 200);
    const last = await chunk(200, bytes.length);
    assert.equal(last.status, 200, last.text);
    assert.deepEqual(last.body, { name: 'report', bytes: bytes.length, sha256 });
  });

  it('answers a logged 500 that says how to mount the router when the bytes are gone', async () => {
    // Before: 200 with 0 bytes for the upload, "Unexpected end of form" (a 400 that blamed the
    // caller) for the forms, and a missing-field 400 for the urlencoded form read as bytes.
    const cases: [Connector, RequestHandler, (app: express.Express) => request.Test, string][] = [
      [
        files,
        express.text({ type: '*/*' }),
        (app) => request(app).post('/files/upload').type('application/octet-stream').send(bytes),
        'Upload',
      ],
      [
        forms,
        multer().any(),
        (app) => request(app).post('/forms/scan').attach('inputFile', Buffer.from('EICAR'), 'e.txt'),
        'Scan',
      ],
      [forms, multer().none(), (app) => request(app).post('/forms/note').field('text', 'hi'), 'Note'],
      [
        forms,
        express.raw({ type: '*/*' }),
        (app) => request(app).post('/forms/note').type('form').send('text=hi'),
        'Note',
      ],
      [json, express.raw({ type: '*/*' }), (app) => request(app).post('/bind/words').send({ word: 'abba' }), 'AddWord'],
    ];
    for (const [connector, ahead, send, id] of cases) {
      const logged: string[] = [];
      const res = await send(hostApp(connector, ahead, logged));
      assert.equal(res.status, 500, `${id}: ${res.text}`);
      assert.equal(res.type, 'application/problem+json');
      assert.equal(logged.length, 1);
      assert.match(logged[0], new RegExp(`${id}: the request body was read before Flowport's router`));
      assert.match(logged[0], /mount the router before app-wide body parsers/);
    }
  });

  it('takes what an app-wide express.json() or express.urlencoded() parsed, as before', async () => {
    const logged: string[] = [];
    const form = await request(hostApp(forms, express.urlencoded({ extended: false }), logged))
      .post('/forms/note')
      .type('form')
      .send('text=hi');
    assert.deepEqual([form.status, form.body], [200, { text: 'hi' }]);
    const multipart = await request(hostApp(forms, express.urlencoded({ extended: false }), logged))
      .post('/forms/note')
      .field('text', 'hi');
    assert.deepEqual([multipart.status, multipart.body], [200, { text: 'hi' }]);
    const word = await request(hostApp(json, express.json(), logged))
      .post('/bind/words')
      .send({ word: 'abba' });
    assert.equal(word.status, 204, word.text);
    assert.deepEqual(logged, []);
  });
});
