import { Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { AnyJobHandler, JOB_HANDLER_METADATA } from './job-handler';
import { RegisteredJob } from './queue/registered-job';

export class JobSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobSetupError';
  }
}

/** Finds the `@JobHandler` providers of the application and checks them against the declared jobs. */
@Injectable()
export class JobHandlerRegistry {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  /**
   * Returns the declared jobs with their handlers. Always refuses two handlers for one job and a
   * handler for an undeclared job; with `requireAll` (a process that runs jobs) also a declared job
   * without a handler.
   */
  resolve(declared: ReadonlyMap<string, RegisteredJob>, requireAll: boolean): Map<string, RegisteredJob> {
    const found = new Map<string, { handler: AnyJobHandler; provider: string }[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (!type || typeof type !== 'function') continue;
      const name = this.reflector.get<string | undefined>(JOB_HANDLER_METADATA, type);
      if (!name) continue;
      if (!wrapper.isDependencyTreeStatic()) throw new JobSetupError(`job handler ${type.name} must be a singleton (no request-scoped dependencies)`);
      const handler = wrapper.instance as AnyJobHandler;
      if (typeof handler?.handle !== 'function') throw new JobSetupError(`job handler ${type.name} has no handle(payload, run) method`);
      found.set(name, [...(found.get(name) ?? []), { handler, provider: type.name }]);
    }
    const problems: string[] = [];
    for (const [name, handlers] of found) {
      if (!declared.has(name))
        problems.push(
          `${handlers.map((h) => h.provider).join(', ')} handle(s) "${name}", which no imported module declares (add JobsModule.forFeature([...]) to the module of the handler)`,
        );
      if (handlers.length > 1) problems.push(`job "${name}" has ${handlers.length} handlers (${handlers.map((h) => h.provider).join(', ')}); it needs exactly one`);
    }
    if (requireAll) {
      for (const name of declared.keys()) {
        if (!found.has(name)) problems.push(`job "${name}" has no handler in this process (a @JobHandler provider in an imported module)`);
      }
    }
    if (problems.length) throw new JobSetupError(`Job handlers are not set up right:\n- ${problems.join('\n- ')}`);
    const resolved = new Map<string, RegisteredJob>();
    for (const [name, registered] of declared) {
      const handler = found.get(name)?.[0]?.handler;
      if (handler) resolved.set(name, { ...registered, handler });
    }
    return resolved;
  }
}
