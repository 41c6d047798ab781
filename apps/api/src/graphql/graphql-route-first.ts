import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** What this needs of a layer of Express 5's router (the `router` package's Layer). */
export interface RouterLayer {
  /** The path it was mounted on (`app.use(path, …)`), or the route's pattern. */
  rawPath?: unknown;
  /** Set on the layer of a route (`app.get(…)`, a Nest controller's handler). */
  route?: unknown;
}

/**
 * Moves the layers mounted on `path` to just before the first route, keeping their order and the
 * order of everything else. Returns how many moved (0 when they already stood before every route,
 * or when nothing is mounted there).
 */
export function moveBeforeRoutes(stack: RouterLayer[], path: string): number {
  const firstRoute = stack.findIndex((layer) => layer.route !== undefined);
  if (firstRoute === -1) return 0;
  const late = stack.filter((layer, i) => i > firstRoute && layer.route === undefined && layer.rawPath === path);
  if (!late.length) return 0;
  const rest = stack.filter((layer) => !late.includes(layer));
  rest.splice(firstRoute, 0, ...late);
  stack.splice(0, stack.length, ...rest);
  return late.length;
}

/**
 * Puts Apollo's `/graphql` middleware ahead of the REST controllers' routes in Express's router.
 *
 * Nest registers the controllers' routes before any module's onModuleInit, and @nestjs/apollo
 * mounts `/graphql` in GraphQLModule's onModuleInit: so every GraphQL request — nearly every request
 * this server gets — was matched against each of the REST routes first (19 of them, the web app's
 * `{*path}` fallback matching and decoding the whole path before its method check failed), only to
 * fall through to Apollo. No route claims `/graphql` (the web fallback passes it on), so the order
 * changes no answer; it saves that walk (bench/request, README's request-path section). Runs once,
 * at bootstrap, after every onModuleInit.
 */
@Injectable()
export class GraphqlRouteFirst implements OnApplicationBootstrap {
  private readonly logger = new Logger('GraphQL');

  constructor(private readonly host: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const app = this.host.httpAdapter?.getInstance?.<{ router?: { stack?: RouterLayer[] } }>();
    const stack = app?.router?.stack;
    if (!Array.isArray(stack)) {
      // Not Express 5's router (another adapter, or an app without HTTP): nothing to reorder.
      this.logger.warn('the HTTP router has no layer stack to reorder; /graphql stays after the REST routes');
      return;
    }
    moveBeforeRoutes(stack, '/graphql');
  }
}
