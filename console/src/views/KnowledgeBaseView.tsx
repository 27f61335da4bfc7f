import { segments } from '../app/router.js';
import { ArticleEditor } from './kb/ArticleEditor.js';
import { ArticleList } from './kb/ArticleList.js';

/** /console/kb is the article list, /console/kb/new a new article, /console/kb/<id> one article in the editor. */
export function KnowledgeBaseView() {
  const reference = segments.value[1];
  if (!reference) return <ArticleList />;
  return <ArticleEditor id={reference === 'new' ? undefined : reference} />;
}
