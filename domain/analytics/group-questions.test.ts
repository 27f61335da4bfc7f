import { describe, expect, it } from '@jest/globals';
import { groupQuestions, titleFromQuestion } from './group-questions.js';

const at = (day: number) => new Date(Date.UTC(2026, 11, day));

describe('groupQuestions', () => {
  it('puts similar questions in one group around the most central one, and a different one apart', () => {
    const groups = groupQuestions(
      [
        { question: 'book a room?', lang: 'en', askedAt: at(1), vector: [1, 0.1, 0] },
        { question: 'réserver une salle ?', lang: 'fr', askedAt: at(2), vector: [0.9, 0, 0.1] },
        { question: 'reserve a meeting room', lang: 'en', askedAt: at(3), vector: [1, 0.05, 0.05] },
        { question: 'parking badge', lang: 'en', askedAt: at(4), vector: [0, 0, 1] },
      ],
      0.8,
    );
    expect(groups.map((g) => [g.count, g.representative])).toEqual([
      [3, 'reserve a meeting room'],
      [1, 'parking badge'],
    ]);
    expect(groups[0]!.languages).toEqual(['en', 'fr']);
    expect(groups[0]!.examples.map((e) => e.question)).toEqual(['reserve a meeting room', 'réserver une salle ?', 'book a room?']);
    expect(groups[0]!.suggestedArticle).toEqual({ title: 'Reserve a meeting room', lang: 'en' });
    expect(groups[0]!.lastAskedAt).toBe(at(3).toISOString());
  });

  it('groups questions the embedder has no feature for only when their words are the same', () => {
    const groups = groupQuestions(
      [
        { question: 'Wo ist der Kaffee?', lang: 'de', askedAt: at(1), vector: [0, 0] },
        { question: 'wo ist der kaffee', lang: 'de', askedAt: at(2), vector: [0, 0] },
        { question: 'Qui paie ?', lang: 'fr', askedAt: at(3), vector: [0, 0] },
      ],
      0.5,
    );
    expect(groups.map((g) => g.count)).toEqual([2, 1]);
  });

  it('makes a title of a question', () => {
    expect(titleFromQuestion('  ¿cómo reservo una sala?? ')).toBe('Cómo reservo una sala');
    expect(titleFromQuestion('x'.repeat(200))).toHaveLength(120);
  });
});
