import type { Language } from '../../i18n/languages.js';
import type { QuestionGroup } from './analytics-schemas.js';

export type EmbeddedQuestion = { question: string; lang: Language; askedAt: Date; vector: readonly number[] };

const MAX_EXAMPLES = 5;
const MAX_TITLE = 120;

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** A question as the title of the article that would answer it: "how do I book a room?" → "How do I book a room". */
export function titleFromQuestion(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim().replace(/[\s?!.¿¡:;,]+$/u, '').replace(/^[¿¡\s]+/u, '');
  const title = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1).trimEnd()}…`;
}

type Draft = { members: EmbeddedQuestion[]; sum: number[] };

/**
 * Greedy single pass, oldest question first: each question joins the group whose centroid it is most similar to
 * when that similarity reaches `threshold`, else starts a group. Questions with no vector features at all (no word
 * the embedder knows) join only a group of the very same words. Largest groups first, then most recently asked.
 */
export function groupQuestions(questions: readonly EmbeddedQuestion[], threshold: number): QuestionGroup[] {
  const drafts: Draft[] = [];
  const ordered = [...questions].sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime());
  for (const item of ordered) {
    let best: Draft | undefined;
    let bestScore = threshold;
    for (const draft of drafts) {
      const score = sameWords(draft.members[0]!, item) ? 1 : cosine(draft.sum, item.vector);
      if (score >= bestScore) {
        best = draft;
        bestScore = score;
      }
    }
    if (best) {
      best.members.push(item);
      item.vector.forEach((value, i) => (best.sum[i] = (best.sum[i] ?? 0) + value));
    } else {
      drafts.push({ members: [item], sum: [...item.vector] });
    }
  }
  return drafts.map(toGroup).sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt));
}

function sameWords(a: EmbeddedQuestion, b: EmbeddedQuestion): boolean {
  const words = (text: string) => text.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words(a.question) === words(b.question);
}

function toGroup(draft: Draft): QuestionGroup {
  const { members, sum } = draft;
  const representative = members.reduce((best, item) => (cosine(sum, item.vector) > cosine(sum, best.vector) ? item : best));
  const byLanguage = new Map<Language, number>();
  for (const item of members) byLanguage.set(item.lang, (byLanguage.get(item.lang) ?? 0) + 1);
  const languages = [...byLanguage.entries()].sort((a, b) => b[1] - a[1]).map(([lang]) => lang);
  const newest = [...members].sort((a, b) => b.askedAt.getTime() - a.askedAt.getTime());
  return {
    representative: representative.question,
    count: members.length,
    languages,
    lastAskedAt: newest[0]!.askedAt.toISOString(),
    examples: newest.slice(0, MAX_EXAMPLES).map((item) => ({ question: item.question, lang: item.lang, askedAt: item.askedAt.toISOString() })),
    suggestedArticle: {
      title: titleFromQuestion(representative.lang === languages[0] ? representative.question : newest.find((item) => item.lang === languages[0])!.question),
      lang: languages[0]!,
    },
  };
}
