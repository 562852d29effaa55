/**
 * The client-side Apps Script API available inside an HtmlService sidebar.
 * https://developers.google.com/apps-script/guides/html/reference/run
 * https://developers.google.com/apps-script/guides/html/reference/host
 */
declare namespace google.script {
  interface Runner {
    withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): Runner;
    withFailureHandler(handler: (error: Error, userObject?: unknown) => void): Runner;
    withUserObject(userObject: unknown): Runner;
    [serverFunction: string]: (...args: unknown[]) => unknown;
  }
  const run: Runner;
  const host: {
    close(): void;
    setHeight(height: number): void;
    setWidth(width: number): void;
    editor: { focus(): void };
  };
}
