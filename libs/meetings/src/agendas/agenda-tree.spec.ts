import { checkLabel, depthOf, isDescendant, recomputeNumbers, renumberAll, resequence, childrenOf, TreeItem, TreeError } from './agenda-tree';

function tree(): TreeItem[] {
  return [
    { id: '1', parentId: null, position: 1, label: '1', number: '1' },
    { id: '2', parentId: null, position: 2, label: '2', number: '2' },
    { id: '2a', parentId: '2', position: 1, label: 'a', number: '2.a' },
    { id: '2b', parentId: '2', position: 2, label: 'b', number: '2.b' },
    { id: '3', parentId: null, position: 3, label: '3', number: '3' },
  ];
}

describe('agenda tree', () => {
  it('knows depths and descendants', () => {
    const items = tree();
    expect(depthOf(items, null)).toBe(-1);
    expect(depthOf(items, '2a')).toBe(1);
    expect(isDescendant(items, '2', '2b')).toBe(true);
    expect(isDescendant(items, '2b', '2')).toBe(false);
  });

  it('nests an item and recomputes numbers', () => {
    const items = tree();
    const three = items.find((i) => i.id === '3')!;
    const ordered = [...childrenOf(items, '2'), three];
    resequence(items, '2', ordered, true);
    resequence(items, null, childrenOf(items, null), true);
    const changed = recomputeNumbers(items);
    expect(three.number).toBe('2.c');
    expect(changed).toEqual(new Set(['3']));
  });

  it('moves an item up and relabels', () => {
    const items = tree();
    const top = childrenOf(items, null);
    resequence(items, null, [top[2], top[0], top[1]], true);
    recomputeNumbers(items);
    expect(items.map((i) => `${i.id}=${i.number}`)).toEqual(['1=2', '2=3', '2a=3.a', '2b=3.b', '3=1']);
  });

  it('renumbers after manual labels', () => {
    const items = tree();
    items[1].label = '7';
    recomputeNumbers(items);
    expect(items[2].number).toBe('7.a');
    renumberAll(items);
    recomputeNumbers(items);
    expect(items[2].number).toBe('2.a');
  });

  it('checks chosen labels', () => {
    const items = tree();
    expect(() => checkLabel(items, null, '4')).not.toThrow();
    expect(() => checkLabel(items, null, '2')).toThrow(TreeError);
    expect(() => checkLabel(items, null, 'c')).toThrow(TreeError);
    expect(() => checkLabel(items, '2', 'c')).not.toThrow();
    expect(() => checkLabel(items, '2', '3')).toThrow(TreeError);
  });
});
