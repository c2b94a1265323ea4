/**
 * One image file (picked, dropped or pasted) through the image desk's import (`images.import`:
 * type check, metadata reading, blob store). Files that are not JPEG, PNG or WebP by their type,
 * or larger than the import takes, are refused here before anything is read or written.
 */
import { IMAGE_MAX_BYTES, IMAGE_MIMES, type Image } from '../../../src-shared/model';
import { api } from '../../api/transport';
import { fileToBase64 } from '../../views/images/base64';
import { rememberImage } from './records';

export type FileRefusal = 'notImage' | 'tooLarge';

/** Why a file is refused before import, or null. A file without a type is left to the core's check of its bytes. */
export function refuseImageFile(file: Pick<File, 'type' | 'size'>): FileRefusal | null {
  if (file.type && !(IMAGE_MIMES as readonly string[]).includes(file.type)) return 'notImage';
  if (file.size > IMAGE_MAX_BYTES) return 'tooLarge';
  return null;
}

/** Imports the file (an identical one already in the library is reused) and returns its image. */
export async function importImageFile(file: File): Promise<Image> {
  const dataBase64 = await fileToBase64(file, () => undefined);
  const { existing: _existing, ...image } = await api['images.import']({
    fileName: file.name || 'image',
    dataBase64,
  });
  rememberImage(image);
  return image;
}
