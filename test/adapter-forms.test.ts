import { resolve } from '@flowport/core';
import { emitFiles } from '@flowport/core/documents';
import { createApp } from '@flowport/express-adapter';
import assert from 'node:assert/strict';
import request from 'supertest';
import { connector } from './fixtures/forms-api';

const app = createApp(connector, { docs: false });
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const files = emitFiles(resolve(connector));
const swagger = JSON.parse(files['apiDefinition.swagger.json']) as Json;
const openapi = JSON.parse(files['openapi.json']) as Json;

describe('forms: the media types a form is published and served with', () => {
  it('publishes the form types an operation takes, not the connector-wide application/json', () => {
    // Before, each of these inherited the root `consumes: ["application/json"]`.
    assert.deepEqual(swagger.consumes, ['application/json']);
    assert.deepEqual(swagger.paths['/forms/note'].post.consumes, [
      'multipart/form-data',
      'application/x-www-form-urlencoded',
    ]);
    assert.deepEqual(swagger.paths['/forms/scan'].post.consumes, ['multipart/form-data']);
    assert.deepEqual(swagger.paths['/forms/picture'].post.consumes, ['multipart/form-data']);
    assert.deepEqual(swagger.paths['/forms/survey'].post.consumes, ['application/x-www-form-urlencoded']);
    const content = (path: string) => Object.keys(openapi.paths[path].post.requestBody.content);
    assert.deepEqual(content('/forms/note'), ['multipart/form-data', 'application/x-www-form-urlencoded']);
    assert.deepEqual(content('/forms/scan'), ['multipart/form-data']);
    assert.deepEqual(content('/forms/survey'), ['application/x-www-form-urlencoded']);
  });

  it('takes a text form in either encoding it publishes, and refuses JSON naming both', async () => {
    const multipart = await request(app).post('/forms/note').field('text', 'hi');
    const urlencoded = await request(app).post('/forms/note').type('form').send('text=hi');
    const json = await request(app).post('/forms/note').send({ text: 'hi' });
    assert.deepEqual(
      [multipart.status, multipart.body, urlencoded.status, urlencoded.body],
      [200, { text: 'hi' }, 200, { text: 'hi' }],
    );
    assert.equal(json.status, 415);
    assert.equal(
      json.body.detail,
      'Send the form as multipart/form-data or application/x-www-form-urlencoded; got application/json.',
    );
  });

  it('refuses a URL-encoded field whose escapes or bytes are not UTF-8, rather than change its text', async () => {
    // Before, the handler got "caf\ufffd" for each.
    const escaped = await request(app).post('/forms/note').type('form').send('text=caf%E9');
    assert.deepEqual(
      [escaped.status, escaped.body.detail, escaped.body.errors],
      [
        400,
        'A form field is not percent-encoded UTF-8.',
        [
          {
            pointer: '/formData/text',
            message: 'is not percent-encoded UTF-8: decoded, its text would be changed',
            code: 'urlEncoding',
          },
        ],
      ],
    );
    const raw = await request(app)
      .post('/forms/note')
      .type('form')
      .serialize((bytes: Buffer) => bytes as unknown as string) // as they are
      .send(Buffer.concat([Buffer.from('text=caf'), Buffer.from([0xe9])]));
    assert.deepEqual([raw.status, raw.body.detail], [400, 'The body is not valid UTF-8.']);
    const utf8 = await request(app).post('/forms/note').type('form').send('text=caf%C3%A9&other=%E9');
    assert.deepEqual([utf8.status, utf8.body], [200, { text: 'café' }]);
  });

  it('takes a list sent as repeated fields with as many values as the published schema allows, in either encoding', async () => {
    // Before, a multipart form took its declared fields and eight more in all: the tenth value
    // of the list was "Too many fields", which the published schema does not say.
    const labels = Array.from({ length: 40 }, (_, i) => `label ${i}`);
    let multipart = request(app).post('/forms/labels');
    for (const l of labels) multipart = multipart.field('labels', l);
    const urlencoded = request(app)
      .post('/forms/labels')
      .type('form')
      .send(labels.map((l) => `labels=${encodeURIComponent(l)}`).join('&'));
    for (const res of [await multipart, await urlencoded]) {
      assert.deepEqual([res.status, res.body], [200, { count: 40, last: 'label 39' }]);
    }
  });

  it('bounds the bytes of a multipart form to what its fields and a few more may hold: 413 beyond', async () => {
    const small = createApp(connector, { docs: false, bodyLimit: '10kb' });
    let form = request(small).post('/forms/labels');
    for (let i = 0; i < 200; i++) form = form.field('labels', 'x'.repeat(9 * 1024));
    const res = await form;
    assert.equal(res.status, 413);
    assert.match(res.body.detail, /^The form is larger than the \d+ bytes it may hold\.$/);
    assert.equal((await request(small).post('/forms/labels').field('labels', 'a')).status, 200);
  });

  it('refuses a form in an encoding the operation does not declare (415)', async () => {
    const multipart = await request(app).post('/forms/survey').field('answer', 'yes');
    assert.equal(multipart.status, 415);
    assert.match(
      multipart.body.detail,
      /^Send the form as application\/x-www-form-urlencoded; got multipart\/form-data/,
    );
    const urlencoded = await request(app).post('/forms/picture').type('form').send('picture=abc');
    assert.equal(urlencoded.status, 415);
    assert.match(
      urlencoded.body.detail,
      /^Send the form as multipart\/form-data; got application\/x-www-form-urlencoded/,
    );
  });

  it('takes a binary form field as a file part, as Cloudmersive-style scans send it', async () => {
    // Before, the file part was refused as "Unexpected file field (inputFile)".
    const res = await request(app)
      .post('/forms/scan')
      .attach('inputFile', Buffer.from('EICAR'), { filename: 'eicar.txt', contentType: 'text/plain' });
    assert.equal(res.status, 200, res.text);
    // What the handler gets is a FormFile, each of its fields as the interface says.
    assert.deepEqual(res.body, {
      fieldname: 'inputFile',
      originalname: 'eicar.txt',
      encoding: '7bit',
      mimetype: 'text/plain',
      size: 5,
      head: 'EICAR',
    });
  });

  it('answers a text part where a file belongs with 400 naming the field, instead of dropping it', async () => {
    const [binary, file] = await Promise.all([
      request(app).post('/forms/scan').field('inputFile', 'EICAR'),
      request(app).post('/forms/picture').field('picture', 'not a file'),
    ]);
    for (const [res, name] of [
      [binary, 'inputFile'],
      [file, 'picture'],
    ] as const) {
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.errors, [
        {
          pointer: `/formData/${name}`,
          message: 'is a text field; send it as a file (a part with a filename)',
          code: 'file',
        },
      ]);
    }
  });
});
