import { expect } from '@jest/globals';
import type { SearchIndex } from '@tel/search';
import { ReindexOnStart } from './reindex-on-start';

describe('ReindexOnStart', () => {
  const setup = (rebuilt: boolean) => {
    const em = { marker: 'em' };
    const uow = { write: jest.fn((work: (em: unknown) => unknown) => Promise.resolve(work(em))) };
    const indexing = { enqueuePending: jest.fn(() => Promise.resolve(7)) };
    const states = { resetAll: jest.fn((_em: unknown) => Promise.resolve(7)) };
    const hook = new ReindexOnStart(uow as never, { rebuilt } as SearchIndex, indexing as never, states as never);
    return { hook, em, states, indexing };
  };

  it('puts every file back to PENDING and queues them when the index was rebuilt for a new version', async () => {
    const { hook, em, states, indexing } = setup(true);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await hook.onApplicationBootstrap();
    expect(states.resetAll).toHaveBeenCalledWith(em);
    expect(indexing.enqueuePending).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the index is of the current version', async () => {
    const { hook, states, indexing } = setup(false);
    await hook.onApplicationBootstrap();
    expect(states.resetAll).not.toHaveBeenCalled();
    expect(indexing.enqueuePending).not.toHaveBeenCalled();
  });
});
