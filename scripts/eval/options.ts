/**
 * Command-line options of the evaluations: read with node:util parseArgs, and a wrong option answered with what is
 * wrong and the usage (exit code 2), not a stack trace.
 */

/** A whole number above zero; "1_000" and "1,000" are read as 1000. */
export function positiveInteger(value: string, option: string): number {
  const number = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${option} wants a positive whole number, not "${value}"`);
  return number;
}

/** The options `parse` reads, or null after printing what is wrong and the usage to stderr. */
export function readOptions<T>(command: string, usage: string, parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    console.error(`${command}: ${(error as Error).message}\n${usage}`);
    return null;
  }
}

/** Runs an evaluation's `main` and exits with the code it gives; an error on the way is printed and exits with 1. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
