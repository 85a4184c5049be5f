import { searchRange, type PowTask } from './pow.js';

/** Runs the whole search off the main thread, so the page stays responsive while it works. */
self.onmessage = (event: MessageEvent<PowTask>) => {
  const task = event.data;
  self.postMessage({ number: searchRange(task, 0, task.maxNumber + 1) });
};
