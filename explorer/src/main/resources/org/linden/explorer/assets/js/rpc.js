// JSON-RPC to the node that served this page: HTTP POST for calls, one WebSocket for newHeads.

let nextId = 1;

/** An error answered by the node, with its JSON-RPC code. */
export class RpcError extends Error {
  constructor(error) {
    super(error.message);
    this.code = error.code;
    this.data = error.data;
  }
}

/** Calls `method` with `params` and returns the result, or throws an RpcError. */
export async function call(method, params = []) {
  const response = await fetch('/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
  });
  const body = await response.json();
  if (body.error) {
    throw new RpcError(body.error);
  }
  return body.result;
}

/** Calls `method`, answering `fallback` when the node does not offer it (namespace off). */
export async function callIfAvailable(method, params, fallback) {
  try {
    return await call(method, params);
  } catch (e) {
    if (e instanceof RpcError && e.code === -32601) {
      return fallback;
    }
    throw e;
  }
}

/** Whether the error means the method is not offered by this node. */
export function isUnavailable(e) {
  return e instanceof RpcError && e.code === -32601;
}

const headListeners = new Set();
let socket = null;
let retryDelay = 500;

/** Calls `listener(header)` for each new head until the returned function is called. */
export function onNewHead(listener) {
  headListeners.add(listener);
  connect();
  return () => headListeners.delete(listener);
}

function connect() {
  if (socket) {
    return;
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(`${scheme}//${location.host}/`);
  socket.addEventListener('open', () => {
    retryDelay = 500;
    socket.send(JSON.stringify({ jsonrpc: '2.0', id: 'heads', method: 'eth_subscribe', params: ['newHeads'] }));
  });
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.method === 'eth_subscription' && message.params && message.params.result) {
      for (const listener of headListeners) {
        listener(message.params.result);
      }
    }
  });
  socket.addEventListener('close', () => {
    socket = null;
    // The node restarted or the connection dropped: come back, more slowly each time.
    setTimeout(() => { if (headListeners.size > 0) connect(); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10000);
  });
}

/** Sends several calls in one JSON-RPC batch; answers their results in order (null for an error). */
export async function batch(calls) {
  if (calls.length === 0) return [];
  const first = nextId;
  nextId += calls.length;
  const response = await fetch('/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(calls.map(([method, params], i) => ({ jsonrpc: '2.0', id: first + i, method, params }))),
  });
  const body = await response.json();
  if (!Array.isArray(body)) {
    throw new RpcError(body.error ?? { code: -32603, message: 'unexpected batch answer' });
  }
  const byId = new Map(body.map((r) => [r.id, r]));
  return calls.map((_, i) => byId.get(first + i)?.result ?? null);
}
