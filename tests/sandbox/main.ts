/** `npm run sandbox`: the sandbox on its own, for poking at it with curl (Host header picks the service). */
import { startSandbox } from './server';

const sandbox = await startSandbox({ port: Number(process.env.PORT ?? 8787), latencyMs: Number(process.env.LATENCY_MS ?? 0) });
console.log(
  `Sandbox listening on ${sandbox.url} (try: curl -H 'Host: uphunt.io' -H 'x-api-key: sk_uphunt_sandbox_demo' ${sandbox.url}/api/clients/1991212616395436888/jobs)`,
);
