/** A knowledge-base article the assistant used in an answer. */
export type Citation = { articleId: string; slug: string; title: string };
