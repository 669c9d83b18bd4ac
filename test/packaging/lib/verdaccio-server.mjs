// Starts Verdaccio through its programmatic API (`runServer`) and prints `listening <port>`.
//   node verdaccio-server.mjs <config.yaml> <port>
// Verdaccio's CLI refuses Node < 22 by a version check; the server itself runs on Node 20 (the project's
// minimum), so the test starts it here instead of through `verdaccio --listen`.
import { runServer } from 'verdaccio';

const [config, port] = process.argv.slice(2);
const server = await runServer(config);
// Longer than any pause between the test's requests, so that a kept-alive socket is not closed under a client.
server.keepAliveTimeout = 120_000;
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${port}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
