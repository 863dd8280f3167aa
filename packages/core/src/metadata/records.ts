import type { Class, Extensions, HttpMethod, TypeRef, Visibility } from '../types';
import type { ActionOptions, TriggerOptions } from '../decorators/operation';
import type { ParameterOptions, ParameterIn } from '../decorators/params';
import type { ResponseOptions } from '../decorators/returns';
import type { ControllerOptions } from '../decorators/controller';
import type { FieldOptions, SchemaOptions } from '../decorators/field';

/** What `@Controller` records on a class. */
export interface ControllerRecord {
  readonly path: string;
  readonly options: ControllerOptions;
}

/** What a route decorator (`@Get`, `@Post`, …) records for a method. */
export interface RouteRecord {
  readonly method: HttpMethod;
  readonly path: string;
}

/** What `@Action` / `@Trigger` record for a method. */
export type OperationRecord =
  | { readonly kind: 'action'; readonly options: ActionOptions }
  | { readonly kind: 'trigger'; readonly options: TriggerOptions };

/** What `@Returns` records; one per declared status. */
export interface ResponseRecord {
  readonly status: number | 'default';
  readonly type?: TypeRef;
  readonly options: ResponseOptions;
}

/** What a parameter decorator records, with the handler argument index it binds. */
export interface ParameterRecord {
  readonly index: number;
  readonly in: ParameterIn | 'identity' | 'exchange';
  readonly name: string;
  readonly options: ParameterOptions;
}

/** Everything recorded for one handler method. */
export interface MethodRecord {
  route?: RouteRecord;
  operation?: OperationRecord;
  /** Every route and operation decorator applied, in order: more than one of a kind is FP1022. */
  readonly applied: string[];
  readonly responses: ResponseRecord[];
  readonly parameters: ParameterRecord[];
  visibility?: Visibility;
  isPublic?: boolean;
  extensions?: Extensions;
}

/** Everything recorded for one DTO property, merged over all its decorators. */
export type FieldRecord = FieldOptions;

/** What `@Schema` records on a DTO class. */
export type SchemaRecord = SchemaOptions;

export type { Class };

/** What a Flowport constraint decorator (`@IsString`, `@MaxLength`, …) records for a property. */
export interface ConstraintRecord {
  readonly property: string;
  /** The converter table's name: class-validator's (`isString`, `isLength`, …). */
  readonly name: string;
  readonly kind: 'builtIn' | 'optional' | 'defined';
  readonly args: readonly unknown[];
  readonly each: boolean;
}
