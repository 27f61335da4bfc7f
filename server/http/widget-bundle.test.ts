import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { buildWidget, shadowStylesheet } from './widget-bundle.js';

describe('buildWidget', () => {
  // Payload types come from the server's zod schemas; their values must not: zod would double the portal's download.
  it('ships the portal without the server’s validation library', async () => {
    const bundle = await buildWidget({ logger: pino({ enabled: false }) });
    try {
      const script = readFileSync(join(bundle.dir, 'main.js'), 'utf8');
      expect(script).toContain('socket.io');
      expect(script).not.toMatch(/\$ZodType|ZodError/);
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
