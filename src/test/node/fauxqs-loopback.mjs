// Starts fauxqs (SNS, SQS and S3) on 127.0.0.1 only, quietly. fauxqs's own startFauxqs()
// listens on every interface; buildApp() lets us choose the address.
// Usage: node fauxqs-loopback.mjs [PORT] [--foreground]   (0 or none = a free port)
// Prints one line "fauxqs listening on http://127.0.0.1:PORT" and stops when stdin closes,
// so it never outlives the process that started it; with --foreground it runs until killed.
import { buildApp } from 'fauxqs';

const port = Number(process.argv[2] ?? process.env.FAUXQS_PORT ?? 0);
const app = buildApp({ logger: false, host: '127.0.0.1' });
const address = await app.listen({ port, host: '127.0.0.1' });
console.log(`fauxqs listening on ${address}`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
if (!process.argv.includes('--foreground')) {
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
