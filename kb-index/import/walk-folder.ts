import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export type FoundFile = { relativePath: string; absolutePath: string };

/**
 * Every regular file under `root`, sorted by its posix-style relative path so imports are repeatable.
 * Hidden entries and `node_modules` are skipped; the parser decides what else to skip and says why.
 * A symbolic link is followed only when it names a file inside the root: links to folders are not
 * followed, since their target is walked anyway when it is inside and must not be when it is outside,
 * and following them could loop.
 */
export async function listArticleFiles(root: string): Promise<FoundFile[]> {
  const absoluteRoot = path.resolve(root);
  const realRoot = await resolveRoot(absoluteRoot);
  const found: FoundFile[] = [];
  await walk(absoluteRoot, realRoot, '', found);
  return found.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}

async function resolveRoot(absoluteRoot: string): Promise<string> {
  let realRoot: string;
  try {
    realRoot = await realpath(absoluteRoot);
  } catch {
    throw new Error(`knowledge-base folder not found: ${absoluteRoot}`);
  }
  if (!(await stat(realRoot)).isDirectory()) throw new Error(`not a folder: ${absoluteRoot}`);
  return realRoot;
}

async function walk(absoluteRoot: string, realRoot: string, relativeDir: string, found: FoundFile[]): Promise<void> {
  const entries = await readdir(path.join(absoluteRoot, relativeDir), { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    const absolutePath = path.join(absoluteRoot, relativePath);
    if (entry.isDirectory()) await walk(absoluteRoot, realRoot, relativePath, found);
    else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileInside(absolutePath, realRoot)))) {
      found.push({ relativePath, absolutePath });
    }
  }
}

async function isFileInside(link: string, realRoot: string): Promise<boolean> {
  try {
    const target = await realpath(link);
    const inside = target.startsWith(realRoot + path.sep);
    return inside && (await stat(target)).isFile();
  } catch {
    // A dangling link is no file to import.
    return false;
  }
}
