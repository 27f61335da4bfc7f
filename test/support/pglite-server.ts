import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// One PGlite served over TCP, standing in for PostgreSQL with pgvector (Debian has no pgvector package): run as its own
// process by the multi-node tests, it prints the port it listens on and stops on SIGTERM.
const maxConnections = Number(process.argv[2] ?? 40);
const db = await PGlite.create({ dataDir: 'memory://', extensions: { vector, pg_trgm, unaccent } });

// pglite-socket runs the connections' protocol messages one at a time in arrival order, so a parameterized query of
// one connection (Parse, Bind, Execute, Sync) can be cut in two by another's, which then binds the wrong statement. Its
// queue keeps a connection's turn while a transaction is open; it keeps it here until the connection's Sync as well.
const SEQUENCE_ENDS = new Set(['S', 'Q', 'X'].map((type) => type.charCodeAt(0)));
let midSequence = false;
const sequenced = new Proxy(db, {
  get(target, property) {
    if (property === 'isInTransaction') return () => midSequence || target.isInTransaction();
    if (property === 'execProtocolRawStream') {
      return async (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
        const result = await target.execProtocolRawStream(message, options);
        // A startup message begins with its length, whose first byte is 0.
        midSequence = message[0] !== 0 && !SEQUENCE_ENDS.has(message[0]!);
        return result;
      };
    }
    if (property === 'exec') {
      return (query: string, options?: Parameters<PGlite['exec']>[1]) => {
        midSequence = false;
        return target.exec(query, options);
      };
    }
    const value: unknown = Reflect.get(target, property, target);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});

const server = new PGLiteSocketServer({ db: sequenced, host: '127.0.0.1', port: 0, maxConnections });
await server.start();
process.stdout.write(`pglite listening on ${server.getServerConn()}\n`);
process.once('SIGTERM', () => {
  void server
    .stop()
    .then(() => db.close())
    .finally(() => process.exit(0));
});
