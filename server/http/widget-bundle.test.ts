import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { buildWidget, shadowStylesheet } from './widget-bundle.js';

describe('buildWidget', () => {
  // Payload types come from the server's zod schemas; their values must not: zod would double the portal's download.
  it('ships the portal without the server’s validation library, and the tabs beside the chat apart from it', async () => {
    const bundle = await buildWidget({ logger: pino({ enabled: false }) });
    try {
      const read = (file: string) => readFileSync(join(bundle.dir, file), 'utf8');
      for (const entry of ['main.js', 'embed.js']) {
        const staticChunks = [...read(entry).matchAll(/\bfrom\s*"\.\/(chunks\/[\w.-]+\.js)"/g)].map((match) => match[1]!);
        const beforeChat = [read(entry), ...staticChunks.map(read)].join('\n');
        const all = [beforeChat, ...readdirSync(join(bundle.dir, 'chunks')).filter((f) => f.startsWith(entry.replace('.js', '-'))).map((f) => read(`chunks/${f}`))].join('\n');
        expect(beforeChat).toContain('socket.io');
        expect(all).not.toMatch(/\$ZodType|ZodError/);
        // The tickets tab (its Back button's string) comes with the other tabs, after the chat.
        expect(beforeChat).not.toContain('shell.tickets.back');
        expect(all).toContain('shell.tickets.back');
      }
    } finally {
      await bundle.close();
    }
  }, 60_000);
});

describe('shadowStylesheet', () => {
  it('moves the root variables onto the widget frame', () => {
    expect(shadowStylesheet(':root { --brand: #123456; }')).toBe('.portico-embed { --brand: #123456; }');
  });

  it('turns rem into the frame’s own unit, so the host page’s root font size changes nothing, inside calc() too', () => {
    expect(shadowStylesheet('.a { padding: 0.6rem 1rem; margin: -.5rem; height: calc(100dvh - 9.5rem); width: 2em; }')).toBe(
      '.a { padding: calc(0.6 * var(--u)) calc(1 * var(--u)); margin: calc(-.5 * var(--u)); height: calc(100dvh - calc(9.5 * var(--u))); width: 2em; }',
    );
  });

  it('makes width media queries follow the panel, and leaves the others alone', () => {
    expect(shadowStylesheet('@media (max-width: 600px) { .a { x: y } } @media (prefers-reduced-motion: reduce) { .b { x: y } }')).toBe(
      '@container portico (max-width: 600px) { .a { x: y } } @media (prefers-reduced-motion: reduce) { .b { x: y } }',
    );
  });
});
