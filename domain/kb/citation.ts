import type { Language } from '../../i18n/languages.js';

/** A knowledge-base article the assistant used in an answer; answers stored before languages were kept have none. */
export type Citation = { articleId: string; slug: string; title: string; lang?: Language };
