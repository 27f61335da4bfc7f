import { marked } from 'marked';

/**
 * Every address a GFM renderer would make live in this Markdown (link targets, image sources, raw HTML attributes) that
 * is not a page of the portal itself: what an attacker needs to turn a reply into a phishing link.
 */
export function foreignLinks(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false, gfm: true });
  // Only in real tags: text the renderer escaped shows as "&lt;a href=…", which is harmless.
  const targets = [...html.matchAll(/<[a-z][^>]*?\b(?:href|src)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
  return targets.filter((target) => !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'));
}
