/** Where the command line writes. Injectable so tests run it in-process and read what it printed. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal; progress is redrawn in place only there. */
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Directory relative paths are resolved against. Defaults to process.cwd(). */
  cwd?: string;
  /** Clock in milliseconds, for progress rates. Defaults to performance.now(). */
  now?: () => number;
  /** Environment variables ($PALIMPSEST_DB, $PALIMPSEST_TOKEN). Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}
