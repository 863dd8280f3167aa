import { classOf, methodRecord } from '../metadata/store';
import type { HttpMethod } from '../types';

function route(method: HttpMethod, path: string): MethodDecorator {
  const decorator = `@${method[0].toUpperCase()}${method.slice(1)}`;
  return (target, key) => {
    const rec = methodRecord(classOf(target, key, decorator), String(key));
    rec.applied.push(`${decorator}('${path}')`);
    rec.route = { method, path };
  };
}

/** Routes `GET <controller path><path>` to the method. `@Get('/items/{id}')` */
export const Get = (path = ''): MethodDecorator => route('get', path);
/** Routes `POST <controller path><path>` to the method. */
export const Post = (path = ''): MethodDecorator => route('post', path);
/** Routes `PUT <controller path><path>` to the method. */
export const Put = (path = ''): MethodDecorator => route('put', path);
/** Routes `PATCH <controller path><path>` to the method. */
export const Patch = (path = ''): MethodDecorator => route('patch', path);
/** Routes `DELETE <controller path><path>` to the method. */
export const Delete = (path = ''): MethodDecorator => route('delete', path);
/** Routes `HEAD <controller path><path>` to the method. */
export const Head = (path = ''): MethodDecorator => route('head', path);
/** Routes `OPTIONS <controller path><path>` to the method. */
export const Options = (path = ''): MethodDecorator => route('options', path);
