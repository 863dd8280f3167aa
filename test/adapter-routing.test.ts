import { Action, Connector, Controller, Get, IsString, Path, Post, Returns } from '@flowport/core';
import { createApp } from '@flowport/express-adapter';
import assert from 'node:assert/strict';
import request from 'supertest';

class User {
  @IsString() name!: string;
}

/** `/{id}` is declared before `/me` and `/{id}.json`: declaration order must not decide routing. */
@Controller('/users')
class UsersController {
  @Get('/{id}')
  @Action({ summary: 'Get a user' })
  @Returns(200, User)
  get(@Path('id') id: string): User {
    return { name: `user ${id}` };
  }

  @Get('/me')
  @Action({ summary: 'Get the caller' })
  @Returns(200, User)
  me(): User {
    return { name: 'the caller' };
  }

  @Post('/{id}')
  @Action({ summary: 'Rename a user' })
  @Returns(200, User)
  rename(@Path('id') id: string): User {
    return { name: `renamed ${id}` };
  }

  @Get('/{id}.json')
  @Action({ summary: 'Get a user as a file' })
  @Returns(200, User)
  file(@Path('id') id: string): User {
    return { name: `file of ${id}` };
  }
}

const app = createApp(
  new Connector({
    info: { title: 'Routing', description: 'A connector whose paths overlap.', version: '1.0.0' },
    brandColor: '#123456',
    controllers: [UsersController],
  }),
  { docs: false },
);

describe('routing of overlapping paths', () => {
  it('matches a concrete path before a templated one, whatever the declaration order', async () => {
    assert.deepEqual((await request(app).get('/users/me')).body, { name: 'the caller' });
    assert.deepEqual((await request(app).get('/users/42')).body, { name: 'user 42' });
  });

  it('matches a template with more literal text before a bare variable', async () => {
    assert.deepEqual((await request(app).get('/users/42.json')).body, { name: 'file of 42' });
  });

  it('lets the method pick the operation: POST /users/me reaches POST /users/{id}', async () => {
    assert.deepEqual((await request(app).post('/users/me')).body, { name: 'renamed me' });
  });

  it('answers 405 only when no path that matches declares the method', async () => {
    const res = await request(app).delete('/users/me');
    assert.equal(res.status, 405);
    // Both /users/me and /users/{id} match: Allow lists what either would take.
    assert.equal(res.headers.allow, 'GET, HEAD, POST');
    const options = await request(app).options('/users/42.json');
    assert.equal(options.status, 204);
    assert.equal(options.headers.allow, 'GET, HEAD, POST');
  });
});
