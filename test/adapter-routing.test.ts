import {
  Action,
  Connector,
  type ConnectorOptions,
  Controller,
  Get,
  IsString,
  MemoryTriggerStore,
  Path,
  pollingTrigger,
  Post,
  Returns,
  TriggerRuntime,
  webhookTrigger,
} from '@flowport/core';
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

/** A base class of shared operations, as a CRUD base would be. */
abstract class NamedBase {
  @Get('/{id}')
  @Action({ summary: 'Get one' })
  @Returns(200, User)
  one(@Path('id') id: string): User {
    return { name: `${this.constructor.name} ${id}` };
  }
}

@Controller('/cats')
class CatsController extends NamedBase {}

@Controller('/dogs')
class DogsController extends NamedBase {
  @Get('/{id}')
  @Action({ id: 'GetDog', summary: 'Get a dog' })
  @Returns(200, User)
  override one(@Path('id') id: string): User {
    return { name: `good ${super.one(id).name}` };
  }
}

describe('controllers that inherit operations', () => {
  const connector = new Connector({
    info: { title: 'Pets', description: 'A connector whose controllers share a base class.', version: '1.0.0' },
    brandColor: '#123456',
    controllers: [CatsController, DogsController],
  });
  const pets = createApp(connector, { docs: true });

  it('serves a base class operation under each controller, on its own instance, with a redeclared one its own', async () => {
    assert.deepEqual((await request(pets).get('/cats/1')).body, { name: 'CatsController 1' });
    assert.deepEqual((await request(pets).get('/dogs/2')).body, { name: 'good DogsController 2' });
    const definition = JSON.parse((await request(pets).get('/connector/apiDefinition.swagger.json')).text);
    assert.deepEqual(
      [definition.paths['/cats/{id}'].get.operationId, definition.paths['/dogs/{id}'].get.operationId],
      ['One', 'GetDog'],
    );
  });
});

/** A controller whose handler needs what its constructor is given, as a service would be injected. */
@Controller('/greetings')
class GreetingsController {
  constructor(private readonly greeting: string) {}

  @Get('/{name}')
  @Action({ id: 'Greet', summary: 'Greet' })
  @Returns(200, User)
  greet(@Path('name') name: string): User {
    return { name: `${this.greeting}, ${name}` };
  }
}

describe('controllers made by options.controllers (dependency injection)', () => {
  const connector = new Connector({
    info: { title: 'Greetings', description: 'A connector whose controller takes a service.', version: '1.0.0' },
    brandColor: '#123456',
    controllers: [GreetingsController],
  });

  it('calls each handler on the instance the factory makes, made once, when the app is built', async () => {
    let made = 0;
    const app = createApp(connector, { controllers: () => (made++, new GreetingsController('Hello')) });
    assert.equal(made, 1);
    assert.deepEqual((await request(app).get('/greetings/Ada')).body, { name: 'Hello, Ada' });
    assert.equal(made, 1);
  });

  it('refuses to make a controller whose constructor takes parameters without a factory', () => {
    // Before, it was made without them, and each call of its handler met an undefined service.
    assert.throws(() => createApp(connector), {
      message:
        "GreetingsController's constructor takes 1 parameter that nothing gives: pass options.controllers, (cls) => instance, to make GreetingsController with its services",
    });
  });

  it('refuses to start when the factory gives no object, or one without the handler', () => {
    // Before, undefined failed with "Cannot read properties of undefined (reading 'greet')", and an
    // instance of another class started, to answer every call with a 500.
    const started = (make: () => unknown) => () => createApp(connector, { controllers: make as () => object });
    assert.throws(
      started(() => undefined),
      {
        message: 'options.controllers gave GreetingsController undefined; return an instance of GreetingsController',
      },
    );
    assert.throws(
      started(() => new CatsController()),
      {
        message:
          'options.controllers gave GreetingsController an object without the handler greet() of Greet; return an instance of GreetingsController',
      },
    );
    // TypeScript refuses it too: a promise is no instance.
    // @ts-expect-error: the factory returns a promise
    assert.throws(() => createApp(connector, { controllers: async () => new GreetingsController('Hello') }));
    assert.throws(
      started(async () => new GreetingsController('Hello')),
      {
        message:
          /^options\.controllers gave GreetingsController a promise; the factory must return the instance itself/,
      },
    );
  });
});

describe('routing: a basePath or path with characters a URL carries encoded', () => {
  @Controller('/menü')
  class Menu {
    @Get('/plats du jour')
    @Action({ id: 'Specials', summary: 'Specials' })
    @Returns(200, User)
    specials(): User {
      return { name: 'soupe' };
    }
  }

  const cafe = (extra: Partial<ConnectorOptions>) =>
    new Connector({
      info: { title: 'Café', description: 'A connector whose paths need encoding.', version: '1.0.0' },
      brandColor: '#123456',
      controllers: [Menu],
      ...extra,
    });

  it('serves them where a request, which sends them percent-encoded, reaches them', async () => {
    // Before, "/café (v1)" stopped createApp with path-to-regexp's own error ("Unexpected ("),
    // and "/menü" or a route with a space was published and answered 404.
    const app = createApp(cafe({ basePath: '/café (v1)' }), { docs: false });
    const res = await request(app).get(encodeURI('/café (v1)/menü/plats du jour'));
    assert.deepEqual([res.status, res.body], [200, { name: 'soupe' }]);
  });

  it('writes the Location of a polling trigger and a webhook subscription as a URL carries it', async () => {
    // Before, the header held "/menü/neu" as written: not a URL, and Node sent "ü" as one byte.
    const newDishes = pollingTrigger({
      id: 'OnNewDish',
      path: '/menü/neu',
      summary: 'When a dish is new',
      description: 'Triggers when a dish is added.',
      batch: true,
      item: User,
      poll: () => ({ items: [], cursor: 'c' }),
    });
    const orders = webhookTrigger({
      id: 'OnOrder',
      path: '/bestellungen/größe',
      summary: 'When an order comes',
      description: 'Triggers when an order comes.',
      payload: User,
    });
    const triggers = new TriggerRuntime({
      store: new MemoryTriggerStore(),
      secret: 'routing-test-secret-0123456789',
      callbacks: { allowLocalhost: true },
    });
    const app = createApp(cafe({ basePath: '/café', triggers: [newDishes, orders] }), { docs: false, triggers });
    const polled = await request(app).get(encodeURI('/café/menü/neu'));
    assert.equal(polled.status, 202);
    assert.match(polled.headers.location, /^http:\/\/127\.0\.0\.1:\d+\/caf%C3%A9\/men%C3%BC\/neu\?cursor=/);
    const again = await request(app).get(
      new URL(polled.headers.location).pathname + new URL(polled.headers.location).search,
    );
    assert.equal(again.status, 202);
    const subscribed = await request(app)
      .post(encodeURI('/café/bestellungen/größe'))
      .send({ callbackUrl: 'http://localhost:9/cb' });
    assert.equal(subscribed.status, 201, subscribed.text);
    const location = new URL(subscribed.headers.location);
    assert.match(location.pathname, /^\/caf%C3%A9\/bestellungen\/gr%C3%B6%C3%9Fe\/[\w-]+$/);
    const deleted = await request(app).delete(location.pathname);
    assert.equal(deleted.status, 204);
  });
});
