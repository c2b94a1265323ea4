/**
 * Prints where the test run's time went: wall time per project and the slowest files, so the
 * CI time budget (30 minutes) can be watched from any CI log.
 */
import type { Reporter, TestModule } from 'vitest/node';

const SLOWEST = 15;

export default class SlowFilesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const files = testModules.map((m) => ({
      project: m.project.name,
      file: m.relativeModuleId,
      seconds: m.diagnostic().duration / 1000,
    }));
    const perProject = new Map<string, number>();
    for (const f of files) perProject.set(f.project, (perProject.get(f.project) ?? 0) + f.seconds);
    const lines = ['', 'Test time per project (sum of file durations):'];
    for (const [project, seconds] of [...perProject].sort((a, b) => b[1] - a[1])) {
      lines.push(`  ${project.padEnd(10)} ${seconds.toFixed(0).padStart(6)} s`);
    }
    lines.push(`Slowest ${SLOWEST} files:`);
    for (const f of [...files].sort((a, b) => b.seconds - a.seconds).slice(0, SLOWEST)) {
      lines.push(`  ${f.seconds.toFixed(1).padStart(6)} s  ${f.project.padEnd(10)} ${f.file}`);
    }
    console.log(lines.join('\n'));
  }
}
