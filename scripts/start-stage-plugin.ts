/**
 * Splits the first screen's code in two and loads the first part as an `async` module script:
 * the start stage (src-renderer/boot/startCalls.ts and all it imports) with every library the
 * first screen uses and the translations, in one chunk; the app's own code (main.tsx, the views)
 * in the other, which imports the first. Each file is fetched and run once. Measured against one
 * chunk, an article opens about a tenth sooner (docs/performance.md, "Opening, tenth step").
 *
 * `startStageChunking` finds the stage's static import graph once the build has read every
 * module and offers the first chunk as a code-splitting group (electron.vite.config.ts). The
 * build fails if that chunk would import the app's chunk: the stage would then wait for it. The
 * dev server needs none of this: there the app imports the stage like any module.
 */
import type { Plugin, Rollup } from 'vite';

export interface StartStage {
  plugin: Plugin;
  /** The code-splitting group of the start chunk. */
  group: { name: string; test: (id: string) => boolean; tags: ['$initial']; priority: number };
}

/** Besides the stage's own graph, the start chunk takes these (what is not our views). */
const LIBRARIES_AND_TRANSLATIONS = /[\\/]node_modules[\\/]|[\\/]src-renderer[\\/]i18n[\\/]/;

export function startStageChunking(stageModule: string): StartStage {
  const graph = new Set<string>();
  const plugin: Plugin = {
    name: 'copydesk-start-stage',
    apply: 'build',
    buildEnd() {
      graph.clear();
      const todo = [stageModule];
      while (todo.length > 0) {
        const id = todo.pop()!;
        if (graph.has(id)) continue;
        graph.add(id);
        const info = this.getModuleInfo(id);
        if (!info)
          throw new Error(`The start stage imports a module the build does not know: ${id}`);
        todo.push(...info.importedIds);
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (c): c is Rollup.OutputChunk => c.type === 'chunk' && c.moduleIds.includes(stageModule),
        );
        const chunk = chunks[0];
        if (chunks.length !== 1 || !chunk) {
          throw new Error(
            `The start stage must be in exactly one chunk; found ${chunks.length} for ${stageModule}.`,
          );
        }
        const waitsFor = chunk.imports.filter((file) => !file.includes('rolldown-runtime'));
        if (waitsFor.length > 0) {
          // It would wait for the app's chunk to be parsed, and the stage would gain nothing.
          throw new Error(`The start stage's chunk imports other chunks: ${waitsFor.join(', ')}`);
        }
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `./${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
  return {
    plugin,
    group: {
      name: 'start',
      test: (id) => graph.has(id) || LIBRARIES_AND_TRANSLATIONS.test(id),
      // Only what the first screen loads; lazy views keep their libraries.
      tags: ['$initial'],
      priority: 2,
    },
  };
}
