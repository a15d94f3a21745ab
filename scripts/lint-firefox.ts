/**
 * Lints the Firefox build with web-ext (Mozilla's addons-linter, offline): the rules addons.mozilla.org applies.
 * Any error fails; warnings are listed, one a line.
 * Usage: npm run lint:firefox (after `npm run build:firefox`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt, { type LintMessage } from 'web-ext';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(repoRoot, '.output', 'firefox-mv3');

const result = await webExt.cmd.lint(
  { sourceDir, output: 'none', boring: true, pretty: false, metadata: false, privileged: false, selfHosted: false, warningsAsErrors: false, verbose: false },
  { shouldExitProgram: false },
);

const describe = (kind: string, message: LintMessage) =>
  `  ${kind} ${message.code}${message.file ? ` ${message.file}${message.line ? `:${message.line}` : ''}` : ''}: ${message.message}`;

const { errors, warnings, notices } = result.summary;
process.stdout.write(`web-ext lint ${path.relative(repoRoot, sourceDir)}: ${errors} errors, ${warnings} warnings, ${notices} notices\n`);
for (const message of result.errors) process.stdout.write(`${describe('error', message)}\n`);
for (const message of result.warnings) process.stdout.write(`${describe('warning', message)}\n`);
for (const message of result.notices) process.stdout.write(`${describe('notice', message)}\n`);
process.exitCode = errors > 0 ? 1 : 0;
