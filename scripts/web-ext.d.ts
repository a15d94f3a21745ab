/** The part of web-ext's Node API that scripts/lint-firefox.ts uses (web-ext ships no type definitions). */
declare module 'web-ext' {
  export interface LintMessage {
    code: string;
    message: string;
    description: string;
    file?: string;
    line?: number;
  }

  export interface LintResult {
    summary: { errors: number; warnings: number; notices: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }

  export interface LintParams {
    sourceDir: string;
    output: 'text' | 'json' | 'none';
    boring: boolean;
    pretty: boolean;
    metadata: boolean;
    privileged: boolean;
    selfHosted: boolean;
    warningsAsErrors: boolean;
    verbose: boolean;
  }

  const webExt: {
    cmd: { lint(params: LintParams, options: { shouldExitProgram: boolean }): Promise<LintResult> };
  };
  export default webExt;
}
