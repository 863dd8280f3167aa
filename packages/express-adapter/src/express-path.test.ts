import assert from 'node:assert/strict';
import express from 'express';
import request from 'supertest';
import { bySpecificity, toExpressPath } from './express-path';

describe('toExpressPath', () => {
  it('maps {variables} to Express parameters and escapes path-to-regexp syntax', () => {
    assert.equal(toExpressPath('/items/{id}'), '/items/:id');
    assert.equal(toExpressPath('/v2.0/items({key})'), '/v2.0/items\\(:key\\)');
    assert.equal(toExpressPath('/files/{file-name}'), '/files/:"file-name"');
    assert.equal(toExpressPath('/a+b/*'), '/a\\+b/\\*');
  });

  it('quotes a variable followed by a letter or digit, so the name ends where the template says', () => {
    assert.equal(toExpressPath('/size/{width}x{height}'), '/size/:"width"x:height');
    assert.equal(toExpressPath('/at/{lon},{lat}'), '/at/:lon,:lat');
  });

  it('routes a path like Mapbox static images to the declared variables', async () => {
    const app = express();
    const route = toExpressPath('/static/pin-s+ff2211({pinlon},{pinlat})/{lon},{lat}/{width}x{height}');
    app.get(route, (req, res) => {
      res.json(req.params);
    });
    const res = await request(app).get('/static/pin-s+ff2211(1.5,-2)/3,4/600x400');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { pinlon: '1.5', pinlat: '-2', lon: '3', lat: '4', width: '600', height: '400' });
  });

  it('encodes literal characters a URL carries only percent-encoded, so that a request reaches them', async () => {
    // Before, "/a b", "/é" and "/a[1]" were published and routed as written, and Express, which
    // matches the path as sent (encoded), answered every request to them 404.
    assert.equal(toExpressPath('/a b/{id}'), '/a%20b/:id');
    assert.equal(toExpressPath('/café/😀'), '/caf%C3%A9/%F0%9F%98%80');
    assert.equal(toExpressPath('/list[1]|x'), '/list%5B1%5D%7Cx');
    const app = express();
    for (const template of ['/a b/{id}', '/café', '/list[1]']) {
      app.get(toExpressPath(template), (req, res) => {
        res.json({ template, params: req.params });
      });
    }
    const answers = await Promise.all(['/a%20b/7', '/caf%c3%a9', '/list%5B1%5D'].map((path) => request(app).get(path)));
    assert.deepEqual(
      answers.map((r) => [r.status, r.body.template]),
      [
        [200, '/a b/{id}'],
        [200, '/café'],
        [200, '/list[1]'],
      ],
    );
    assert.deepEqual(answers[0].body.params, { id: '7' });
  });

  it('refuses two variables with nothing between them, naming both', () => {
    assert.throws(() => toExpressPath('/x/{a}{b}'), /Cannot serve \/x\/\{a\}\{b\}: the variables \{a\} and \{b\}/);
  });

  it('orders concrete paths before templated ones, and richer templates before bare variables', () => {
    // RescoCloud's paths in its own order: /{entity} used to take GET /me and /{entity}('{id}').
    const declared = ['/', '/$schema/{entity}', '/{entity}', "/{entity}('{id}')", '/me', '/q/', '/q/{questionnaire}'];
    assert.deepEqual([...declared].sort(bySpecificity), [
      '/',
      '/me',
      '/q/',
      '/$schema/{entity}',
      '/q/{questionnaire}',
      "/{entity}('{id}')",
      '/{entity}',
    ]);
  });
});
