import { describe, expect, it } from '@jest/globals';
import { messageAsText } from './message-as-text.js';

const vpn = { articleId: 'a1', slug: 'connect-to-the-vpn', title: 'Connect to the VPN', lang: 'en' as const };
const printer = { articleId: 'a2', slug: 'imprimante-hors-ligne', title: 'Imprimante [hors] ligne', lang: 'fr' as const };

describe('messageAsText', () => {
  it('leaves a message without citations as it is', () => {
    expect(messageAsText({ text: 'Hello', citations: [] }, 'en')).toBe('Hello');
  });

  it('adds the source and the other articles as links in the reader’s language, naming a language that is not theirs', () => {
    expect(messageAsText({ text: 'Steps…', citations: [vpn, printer] }, 'en')).toBe(
      'Steps…\n\nSource: [Connect to the VPN](/kb/connect-to-the-vpn)\n\nSee also: [Imprimante \\[hors\\] ligne](/kb/imprimante-hors-ligne) (French)',
    );
    expect(messageAsText({ text: 'Passi…', citations: [printer] }, 'it')).toBe('Passi…\n\nFonte: [Imprimante \\[hors\\] ligne](/kb/imprimante-hors-ligne) (francese)');
  });
});
