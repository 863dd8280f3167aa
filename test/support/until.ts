/**
 * Waits until `check` holds, for what happens after an answer (a file removed, a delivery made):
 * the test cannot know the moment, only that it comes. The deadline only turns a hang into a named
 * failure; it is not a timing assertion.
 */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
