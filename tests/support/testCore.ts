/**
 * A fresh desk core in a temporary profile for each test of a file: opened before each test,
 * closed and removed after it. Read the fields inside tests (they change per test).
 */
import { afterEach, beforeEach } from 'vitest';
import { createDesktopApi, type CoreEvent, type DesktopApi } from '../../src-shared/api';
import { openCore } from '../../src-main/core/core';
import type { CoreHandle } from '../../src-main/core/types';
import { tempDir } from './tmp';

export interface TestCore {
  core: CoreHandle;
  api: DesktopApi;
  /** The profile folder. */
  dir: string;
  /** Every change event the core sent during the test. */
  events: CoreEvent[];
}

export function useTestCore(): TestCore {
  const desk = {} as TestCore;
  let cleanup = (): void => undefined;
  beforeEach(async () => {
    ({ dir: desk.dir, cleanup } = tempDir());
    const core = await openCore({
      profileDir: desk.dir,
      host: 'cli',
      backgroundIntegrityCheck: false,
    });
    desk.core = core;
    desk.api = createDesktopApi({
      call: (m, i) => core.call(m, i),
      onEvent: (l) => core.onEvent(l),
    });
    desk.events = [];
    core.onEvent((e) => desk.events.push(e));
  });
  afterEach(async () => {
    await desk.core.close();
    cleanup();
  });
  return desk;
}
