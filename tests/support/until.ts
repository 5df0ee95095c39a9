/** Waits, looking every 50 ms, until `done` holds; fails naming `what` after `timeoutMs`. */
export const until = async (done: () => boolean, what: string, timeoutMs = 20_000): Promise<void> => {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`gave up waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
