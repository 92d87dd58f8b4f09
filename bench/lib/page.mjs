// What the benchmark puts into every page it measures, and how it reads
// memory. Times are taken in the page, on the page's clock: from an event's
// timeStamp to the next frame painted after the DOM shows the awaited state
// (the frame's callback, then a task after it).

/** Installed before any script of the page runs; `arg.watch` arms a moment at once. */
export function INIT(arg) {
  const bench = { at: {}, maxNodes: 0, latencies: [], watch: arg?.watch ?? null };
  window.__bench = bench;
  const stamped = new Set();
  const stamp = (name) => {
    if (stamped.has(name)) return;
    stamped.add(name);
    requestAnimationFrame(() => setTimeout(() => { bench.at[name] = performance.now(); }, 0));
  };
  // The moments a run can wait for, as the reader would see them.
  const tests = {
    // App: a body-only hit, and no full-text lookup still under way.
    appBodyHit: () => document.querySelector('.entry__match') && !document.querySelector('.full-text-note')?.textContent.trim(),
    // Pagefind peer: results of the query now in the box.
    pagefindHit: () => {
      const list = document.getElementById('results');
      return list?.dataset.query === document.getElementById('q')?.value && list.querySelector('.entry');
    },
    releaseBody: () => document.querySelector('.release__body p'),
    // Static entry page: the paragraph after the summary is the body's first.
    staticBody: (summary) => [...document.querySelectorAll('#static-page article > p')]
      .some((p) => p.textContent === summary && p.nextElementSibling?.tagName === 'P'),
  };
  /** Waits for `test` after the next input or click (the moment's start). */
  bench.arm = (test, testArg) => {
    bench.watch = { test, arg: testArg, from: null };
    stamped.delete('hit');
    delete bench.at.hit;
  };
  new MutationObserver(() => {
    // Releases on screen: the pre-rendered ones count for the reader; the
    // app answers once it has taken over (the pre-rendered block is gone).
    if (document.querySelector('.entry')) {
      stamp('onScreen');
      if (!document.getElementById('static-page')) stamp('firstEntry');
    }
    const w = bench.watch;
    if (w && w.from !== null && tests[w.test](w.arg)) stamp('hit');
    const nodes = document.body ? document.body.getElementsByTagName('*').length : 0;
    if (nodes > bench.maxNodes) bench.maxNodes = nodes;
  }).observe(document, { subtree: true, childList: true, characterData: true });
  // To the first frame that shows the answer: a page that marks itself
  // busy (the app while a large archive's segments arrive) is waited for.
  const painted = (type, start) => requestAnimationFrame(() => setTimeout(() => {
    if (document.querySelector('[aria-busy="true"]')) painted(type, start);
    else bench.latencies.push({ type, ms: performance.now() - start });
  }, 0));
  for (const type of ['input', 'change']) {
    addEventListener(type, (event) => painted(type, event.timeStamp), true);
  }
  for (const type of ['input', 'click']) {
    addEventListener(type, (event) => {
      const w = bench.watch;
      if (!w || w.from !== null) return;
      w.from = event.timeStamp;
      // The awaited state may already be on screen (a last letter that
      // changes nothing): then it is the next frame that shows it, not the
      // next change of the DOM. By this frame's callback the page has
      // answered the input.
      requestAnimationFrame(() => {
        if (tests[w.test](w.arg)) setTimeout(() => {
          if (!stamped.has('hit')) {
            stamped.add('hit');
            bench.at.hit = performance.now();
          }
        }, 0);
      });
    }, true);
  }
}

/** Polls `fn` in the page; start-up at 100,000 releases takes minutes. */
export async function waitFor(page, fn, arg, timeout = 600_000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 10 });
}

/**
 * Memory of a page after a garbage collection: the JS heap plus every
 * WebAssembly memory, in the page and in its workers (Pagefind searches in
 * one). `cdp` is the page's CDP session.
 */
export async function memory(cdp) {
  const total = { jsHeap: 0, wasm: 0 };
  const add = (m) => {
    total.jsHeap += m.jsHeap;
    total.wasm += m.wasm;
  };
  add(await contextMemory((method, params) => cdp.send(method, params)));
  for (const send of await workerSessions(cdp)) add(await contextMemory(send));
  return { ...total, total: total.jsHeap + total.wasm };
}

async function contextMemory(send) {
  await send('HeapProfiler.collectGarbage');
  const { usedSize } = await send('Runtime.getHeapUsage');
  // Wasm memories live outside the JS heap: find them all by prototype.
  const proto = await send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const sum = await send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return { jsHeap: usedSize, wasm: sum.result.value };
}

/**
 * A `send(method, params)` for each of the page's workers, through the
 * page's session (attached once per session; CDP reports the workers that
 * exist when auto-attach is switched on).
 */
const attached = new WeakMap();
async function workerSessions(cdp) {
  if (!attached.has(cdp)) {
    const sessions = [];
    const onAttach = ({ sessionId, targetInfo }) => {
      if (targetInfo.type === 'worker') sessions.push(sessionId);
    };
    cdp.on('Target.attachedToTarget', onAttach);
    cdp.on('Target.detachedFromTarget', ({ sessionId }) => sessions.splice(sessions.indexOf(sessionId) >>> 0, 1));
    const pending = new Map();
    cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
      const reply = JSON.parse(message);
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.error) waiter.reject(new Error(reply.error.message));
      else waiter.resolve(reply.result);
    });
    let next = 0;
    const sender = (sessionId) => (method, params = {}) => new Promise((resolve, reject) => {
      next += 1;
      pending.set(next, { resolve, reject });
      const message = JSON.stringify({ id: next, method, params });
      cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
    });
    attached.set(cdp, { sessions, sender });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }
  const { sessions, sender } = attached.get(cdp);
  return sessions.map(sender);
}
