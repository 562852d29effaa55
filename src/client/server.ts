import type { SidebarApi } from '../server/api';

type Endpoint = keyof SidebarApi;

/**
 * Calls a server function through google.script.run as a promise, typed by the server's contract.
 * google.script.run is asynchronous and unordered; callers await what they need.
 */
export function callServer<K extends Endpoint>(
  name: K,
  ...args: Parameters<SidebarApi[K]>
): Promise<ReturnType<SidebarApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[K]>))
      .withFailureHandler((error) => reject(error));
    runner[name](...args);
  });
}
