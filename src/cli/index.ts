import fs from 'node:fs';
import path from 'node:path';
import { describeCliError } from './errors.js';
import { createProgram } from './program.js';

function packageVersion(): string {
  // src/cli and dist/cli both sit two levels below package.json.
  const file = path.resolve(import.meta.dirname, '../../package.json');
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

try {
  await createProgram(packageVersion()).parseAsync(process.argv);
} catch (err) {
  console.error(`guichet: ${describeCliError(err)}`);
  if (process.env.GUICHET_LOG_LEVEL === 'debug' && err instanceof Error) console.error(err.stack);
  process.exitCode = 1;
}
