// The HTTP reference: a hello-world route on the same fastify version as the shop, in a process of its own (the
// shop's process model: one node process, one event loop), plain JavaScript so it starts as the built shop does.
// Prints `LISTENING <url>` and serves until SIGTERM.
const Fastify = require('fastify');

async function main() {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT || 0) });
  console.log(`LISTENING ${url}`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
