import { moveBeforeRoutes, RouterLayer } from './graphql-route-first';

const mw = (rawPath: string, name: string): RouterLayer & { name: string } => ({ rawPath, name });
const route = (rawPath: string, name: string): RouterLayer & { name: string } => ({ rawPath, route: {}, name });
const names = (stack: RouterLayer[]) => stack.map((l) => (l as { name: string }).name);

describe('moveBeforeRoutes', () => {
  it('moves the layers mounted on the path to just before the first route, in their order', () => {
    const stack = [mw('/', 'query'), mw('/', 'json'), route('/health', 'health'), route('/{*path}', 'web'), mw('/graphql', 'body'), mw('/graphql', 'apollo'), mw('/', 'notFound')];
    expect(moveBeforeRoutes(stack, '/graphql')).toBe(2);
    expect(names(stack)).toEqual(['query', 'json', 'body', 'apollo', 'health', 'web', 'notFound']);
  });

  it('leaves the stack alone when the path already comes first, is not mounted, or there are no routes', () => {
    const first = [mw('/', 'json'), mw('/graphql', 'apollo'), route('/health', 'health')];
    expect(moveBeforeRoutes(first, '/graphql')).toBe(0);
    expect(names(first)).toEqual(['json', 'apollo', 'health']);
    const none = [mw('/', 'json'), route('/health', 'health')];
    expect(moveBeforeRoutes(none, '/graphql')).toBe(0);
    expect(names(none)).toEqual(['json', 'health']);
    const noRoutes = [mw('/', 'json'), mw('/graphql', 'apollo')];
    expect(moveBeforeRoutes(noRoutes, '/graphql')).toBe(0);
  });

  it('never moves a route whose pattern is the path itself', () => {
    const stack = [route('/health', 'health'), route('/graphql', 'restGraphql'), mw('/graphql', 'apollo')];
    moveBeforeRoutes(stack, '/graphql');
    expect(names(stack)).toEqual(['apollo', 'health', 'restGraphql']);
  });
});
