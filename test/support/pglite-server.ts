import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// One PGlite served over TCP, standing in for PostgreSQL with pgvector (Debian has no pgvector package): run as its own
// process by the multi-node tests, it prints the port it listens on. On SIGTERM it writes its data to the dump file and
// stops; started again with the same file and port, it is the same database again (a database server restarting).
const [maxConnections = '40', port = '0', dumpFile] = process.argv.slice(2);
const db = await PGlite.create({
  dataDir: 'memory://',
  extensions: { vector, pg_trgm, unaccent },
  loadDataDir: dumpFile && existsSync(dumpFile) ? new Blob([readFileSync(dumpFile)]) : undefined,
});

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

const server = new PGLiteSocketServer({ db: sequenced, host: '127.0.0.1', port: Number(port), maxConnections: Number(maxConnections) });
await server.start();
process.stdout.write(`pglite listening on ${server.getServerConn()}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await server.stop();
    if (dumpFile) writeFileSync(dumpFile, Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer()));
    await db.close();
  })().finally(() => process.exit(0));
});
