import { applyMergePatch } from './merge-patch.js';

describe('applyMergePatch (RFC 7396)', () => {
  it('merges objects deeply, replaces arrays and scalars, removes keys set to null', () => {
    const target = { a: { b: 1, c: [1, 2] }, d: 'x', e: true };
    expect(applyMergePatch(target, { a: { c: [3] }, d: null, f: 2 })).toEqual({ a: { b: 1, c: [3] }, e: true, f: 2 });
    expect(target).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', e: true });
  });

  it('replaces the whole target when the patch is not an object', () => {
    expect(applyMergePatch({ a: 1 }, [1])).toEqual([1]);
    expect(applyMergePatch({ a: 1 }, 'v')).toBe('v');
  });
});
