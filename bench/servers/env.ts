// Every server imports this file: SIGTERM ends the process normally, so a server started
// with --cpu-prof writes its profile when the runner stops it.
process.once('SIGTERM', () => process.exit(0));

/** The port a benchmark server listens on (env PORT). */
export function serverPort(): number {
  const port = Number(process.env.PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error('set PORT to the port to listen on');
  return port;
}

/** When ROUTES is set, the server serves the startup workload: that many routes and nothing else. */
export function routeCount(): number {
  return Number(process.env.ROUTES ?? 0);
}
