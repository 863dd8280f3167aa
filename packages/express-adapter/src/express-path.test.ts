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
