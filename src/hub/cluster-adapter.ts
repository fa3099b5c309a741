import cluster, { type Worker } from 'node:cluster';
import type { HubAdapter, HubMessage } from './adapter.js';

// IPC messages are JSON: text travels as a string, bytes as base64.
interface IpcMessage {
  zigmundHub: 1;
  room: string;
  binary: boolean;
  data: string;
}

function isHubMessage(value: unknown): value is IpcMessage {
  return typeof value === 'object' && value !== null && (value as IpcMessage).zigmundHub === 1;
}

function relay(from: Worker, message: unknown): void {
  if (!isHubMessage(message)) return;
  for (const worker of Object.values(cluster.workers ?? {})) {
    if (worker !== undefined && worker !== from && worker.isConnected()) worker.send(message);
  }
}

let relaying = false;

/**
 * In the node:cluster primary: passes each worker's Hub publishes on to every other worker,
 * in the order received. Call it before or after forking; calling it again does nothing.
 */
export function startClusterRelay(): void {
  if (relaying) return;
  if (!cluster.isPrimary) throw new Error('startClusterRelay() runs in the node:cluster primary');
  relaying = true;
  cluster.on('message', relay);
}

/**
 * Carries a Hub's publishes between the workers of one machine over node:cluster IPC,
 * relayed by the primary (which must run `startClusterRelay()`).
 * Every publish goes to every other worker, which delivers it to its members of the room:
 * IPC on one host is cheap, and no room table has to be kept in step in the primary.
 * @example
 * const app = await bootstrap(AppModule, { hub: { adapter: clusterAdapter() } });
 */
export function clusterAdapter(): HubAdapter {
  let listener: ((message: unknown) => void) | undefined;
  return {
    start(deliver) {
      if (!cluster.isWorker || process.send === undefined) throw new Error('clusterAdapter() runs in a node:cluster worker');
      listener = (message) => {
        if (!isHubMessage(message)) return;
        deliver(fromIpc(message));
      };
      process.on('message', listener);
    },
    subscribe() {},
    unsubscribe() {},
    publish(message) {
      // Resolved when the IPC channel took it: a publisher outrunning the channel waits.
      return new Promise<void>((resolve) => {
        if (!process.connected) return resolve();
        process.send!(toIpc(message), undefined, {}, () => resolve());
      });
    },
    close() {
      if (listener) process.off('message', listener);
      listener = undefined;
    },
  };
}

function toIpc(message: HubMessage): IpcMessage {
  const data = message.binary ? message.payload.toString('base64') : message.payload.toString('utf8');
  return { zigmundHub: 1, room: message.room, binary: message.binary, data };
}

function fromIpc(message: IpcMessage): HubMessage {
  return { room: message.room, binary: message.binary, payload: Buffer.from(message.data, message.binary ? 'base64' : 'utf8') };
}
