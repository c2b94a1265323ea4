import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_MAX_BYTES, type Image } from '../../../src-shared/model';
import { api } from '../../api/transport';
import { fileToBase64 } from './base64';

export type ImportItem = {
  key: number;
  name: string;
} & (
  | { state: 'waiting' }
  | { state: 'reading'; percent: number }
  | { state: 'importing' }
  | { state: 'done'; existing: boolean; imageId: string }
  | { state: 'failed'; message: string }
);

/**
 * Imports files one after another (reading, then the core's import), keeping a per-file line
 * of progress and outcome. When a batch is through, `onBatchDone` gets the last image imported.
 */
export function useImageImport(onBatchDone: (last: Image) => void) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ImportItem[]>([]);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const nextKey = useRef(1);
  const onDone = useRef(onBatchDone);
  onDone.current = onBatchDone;

  const update = useCallback(
    (key: number, item: Partial<ImportItem> & Pick<ImportItem, 'state'>) => {
      setItems((list) => list.map((x) => (x.key === key ? ({ ...x, ...item } as ImportItem) : x)));
    },
    [],
  );

  const importOne = useCallback(
    async (key: number, file: File): Promise<Image | null> => {
      if (file.size > IMAGE_MAX_BYTES) {
        update(key, { state: 'failed', message: t('images.import.tooLarge', { name: file.name }) });
        return null;
      }
      try {
        update(key, { state: 'reading', percent: 0 });
        const dataBase64 = await fileToBase64(file, (percent) =>
          update(key, { state: 'reading', percent }),
        );
        update(key, { state: 'importing' });
        const image = await api['images.import']({ fileName: file.name || 'image', dataBase64 });
        update(key, { state: 'done', existing: image.existing, imageId: image.id });
        return image;
      } catch (e) {
        update(key, { state: 'failed', message: e instanceof Error ? e.message : String(e) });
        return null;
      }
    },
    [t, update],
  );

  const importFiles = useCallback(
    (files: Iterable<File>) => {
      const batch = [...files].map((file) => ({ key: nextKey.current++, file }));
      if (batch.length === 0) return;
      setItems((list) => [
        ...list,
        ...batch.map(({ key, file }) => ({ key, name: file.name, state: 'waiting' as const })),
      ]);
      chain.current = chain.current.then(async () => {
        let last: Image | null = null;
        for (const { key, file } of batch) last = (await importOne(key, file)) ?? last;
        if (last) onDone.current(last);
      });
    },
    [importOne],
  );

  const clearFinished = useCallback(
    () => setItems((list) => list.filter((x) => x.state !== 'done' && x.state !== 'failed')),
    [],
  );

  return { items, importFiles, clearFinished };
}
