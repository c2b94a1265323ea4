/** A real XML 1.0 parser for tests: the JDK's (Java is on the development and CI machines). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function xmlProblem(xml: string): string | null {
  const r = spawnSync('java', [join(import.meta.dirname, 'XmlCheck.java')], {
    input: xml,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return r.status === 0 ? null : (/\[Fatal Error\][^\n]*/.exec(r.stderr)?.[0] ?? r.stderr);
}
