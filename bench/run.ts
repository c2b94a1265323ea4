/**
 * `npm run bench`: every benchmark, or those named: `npm run bench -- store server`.
 * Results go to bench/results/<name>.json; timing never decides a test.
 */
type Bench = () => Promise<object>;

const registry: Record<string, () => Promise<Bench>> = {
  store: async () => (await import('./store')).runStoreBench,
};

function optional(name: string, file: string, exportName: string): void {
  registry[name] = async () => {
    const mod = (await import(file)) as Record<string, Bench>;
    const fn = mod[exportName];
    if (!fn) throw new Error(`${file} does not export ${exportName}`);
    return fn;
  };
}

optional('list', './list', 'runListBench');
optional('editor', './editor', 'runEditorBench');
optional('editor-load', './editor-load', 'runEditorLoadBench');
optional('images', './images', 'runImagesBench');
optional('server', './server', 'runServerBench');
optional('sync', './sync', 'runSyncBench');

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(registry);
let failed = false;
for (const name of names) {
  const load = registry[name];
  if (!load) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(registry).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name} ===`);
  try {
    await (
      await load()
    )();
  } catch (e) {
    failed = true;
    console.error(`bench ${name} failed:`, e);
  }
}
process.exit(failed ? 1 : 0);

export {};
