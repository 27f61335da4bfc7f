import { renderArticleHtml } from '../../kb-index/render/render-article.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { ArticlePreviewInput } from './kb-schemas.js';

/** The editor's preview comes from the renderer and sanitizer the portal's articles come from, so it cannot differ. */
export function previewArticle(ctx: Ctx, input: ArticlePreviewInput): { html: string } {
  requireTechnician(ctx);
  return { html: renderArticleHtml(input.body) };
}
