/**
 * Files that are not JPEG, PNG or WebP by their type, or larger than the image import takes, are
 * refused before anything is read or written.
 */
import { IMAGE_MAX_BYTES, IMAGE_MIMES } from '../../../src-shared/model';

export type FileRefusal = 'notImage' | 'tooLarge';

/** Why a file is refused before import, or null. A file without a type is left to the core's check of its bytes. */
export function refuseImageFile(file: Pick<File, 'type' | 'size'>): FileRefusal | null {
  if (file.type && !(IMAGE_MIMES as readonly string[]).includes(file.type)) return 'notImage';
  if (file.size > IMAGE_MAX_BYTES) return 'tooLarge';
  return null;
}
