import pg from 'pg';

// Statement texts are the repositories' SQL, a fixed set; the bound keeps a text built at run time from growing it forever.
const MAX_NAMED_STATEMENTS = 2000;
const names = new Map<string, string>();

function nameFor(text: string): string | undefined {
  const known = names.get(text);
  if (known || names.size >= MAX_NAMED_STATEMENTS) return known;
  const name = `portico_${names.size}`;
  names.set(text, name);
  return name;
}

/**
 * A client that names every parameterized query after its text, so each connection parses and plans a statement once
 * and then only binds it: on PGlite this halves the cost of the short queries a chat turn is made of.
 */
export class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((text: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof text === 'string' && Array.isArray(values) ? nameFor(text) : undefined;
      return name ? query({ name, text, values }, callback) : query(text, values, callback);
    }) as typeof this.query;
  }
}

/**
 * A client for a server whose connections all share one session (PGlite over pglite-socket): a statement named on one
 * connection would already exist for the next that names it, so names are dropped, ours and libraries' alike.
 */
export class UnnamedStatementsClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((config: unknown, values?: unknown, callback?: unknown) => {
      if (typeof config === 'object' && config !== null && 'name' in config && !('submit' in config)) {
        const { name: _name, ...unnamed } = config as { name?: string };
        return query(unnamed, values, callback);
      }
      return query(config, values, callback);
    }) as typeof this.query;
  }
}
