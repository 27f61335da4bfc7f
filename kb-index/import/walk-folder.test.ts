import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listArticleFiles } from './walk-folder.js';

describe('listArticleFiles', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'portico-kb-walk-'));
    root = join(base, 'articles');
    const files = ['b.md', 'a/z.md', 'a/b/deep.html', 'A-upper.md', 'notes.pdf', '.hidden.md', '.git/config', 'a/.drafts/x.md', 'node_modules/pkg/readme.md'];
    for (const file of files) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), `# ${file}\n`);
    }
    writeFileSync(join(base, 'outside.md'), '# secret\n');
    symlinkSync(join(base, 'outside.md'), join(root, 'link-out.md'));
    symlinkSync(join(root, 'b.md'), join(root, 'link-in.md'));
    symlinkSync(join(root, 'missing.md'), join(root, 'dangling.md'));
    symlinkSync(base, join(root, 'link-dir'));
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('lists regular files in sorted posix order, skipping hidden entries, node_modules and links that leave the root', async () => {
    const found = await listArticleFiles(root);
    expect(found.map((f) => f.relativePath)).toEqual(['A-upper.md', 'a/b/deep.html', 'a/z.md', 'b.md', 'link-in.md', 'notes.pdf']);
    expect(found.find((f) => f.relativePath === 'a/b/deep.html')!.absolutePath).toBe(join(root, 'a', 'b', 'deep.html'));
  });

  it('accepts a relative root and gives paths relative to it', async () => {
    const found = await listArticleFiles(relative(process.cwd(), join(root, 'a', '..', 'a')));
    expect(found.map((f) => f.relativePath)).toEqual(['b/deep.html', 'z.md']);
    expect(found[1]!.absolutePath).toBe(join(root, 'a', 'z.md'));
  });

  it('throws a clear error for a missing root or a file', async () => {
    await expect(listArticleFiles(join(base, 'nope'))).rejects.toThrow(/knowledge-base folder not found: .*nope/);
    await expect(listArticleFiles(join(root, 'b.md'))).rejects.toThrow(/not a folder: .*b\.md/);
  });
});
