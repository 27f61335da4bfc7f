import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chunkArticle, countWords } from './chunk-article.js';
import { parseArticleFile } from './parse-article-file.js';
import { listArticleFiles } from './walk-folder.js';

const DEMO_DIR = fileURLToPath(new URL('../demo-articles', import.meta.url));

describe('the demo articles', () => {
  it('all parse, in the language of their folder, and chunk into 1 to 5 plain-text chunks under maxWords', async () => {
    const files = await listArticleFiles(DEMO_DIR);
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const file of files) {
      const parsed = parseArticleFile(file.relativePath, await readFile(file.absolutePath));
      if (!parsed.ok) throw new Error(`${file.relativePath}: ${parsed.reason}`);
      expect({ file: file.relativePath, lang: parsed.article.lang }).toEqual({ file: file.relativePath, lang: file.relativePath.slice(0, 2) });
      const chunks = chunkArticle(parsed.article.bodyMarkdown);
      expect({ file: file.relativePath, ok: chunks.length >= 1 && chunks.length <= 5 }).toEqual({ file: file.relativePath, ok: true });
      for (const chunk of chunks) {
        expect(countWords(chunk.text)).toBeLessThanOrEqual(350);
        expect(chunk.text).not.toMatch(/\*\*|\]\(|^#+ /m);
      }
    }
  });
});
