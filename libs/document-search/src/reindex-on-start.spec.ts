import { expect } from '@jest/globals';
import { FileIndexState } from '@tel/documents';
import type { SearchIndex } from '@tel/search';
import { ReindexOnStart } from './reindex-on-start';

describe('ReindexOnStart', () => {
  const setup = (rebuilt: boolean) => {
    const update = jest.fn((..._args: unknown[]) => Promise.resolve({ affected: 7 }));
    const uow = { write: jest.fn((work: (em: unknown) => unknown) => Promise.resolve(work({ update }))) };
    const indexing = { enqueuePending: jest.fn(() => Promise.resolve(7)) };
    const hook = new ReindexOnStart(uow as never, { rebuilt } as SearchIndex, indexing as never);
    return { hook, update, indexing };
  };

  it('puts every file back to PENDING and queues them when the index was rebuilt for a new version', async () => {
    const { hook, update, indexing } = setup(true);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await hook.onApplicationBootstrap();
    expect(update).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ indexState: expect.anything() }), { indexState: FileIndexState.PENDING, indexError: null });
    expect(indexing.enqueuePending).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the index is of the current version', async () => {
    const { hook, update, indexing } = setup(false);
    await hook.onApplicationBootstrap();
    expect(update).not.toHaveBeenCalled();
    expect(indexing.enqueuePending).not.toHaveBeenCalled();
  });
});
