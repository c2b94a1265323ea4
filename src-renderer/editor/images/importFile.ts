/**
 * One image file (picked, dropped or pasted) through the image desk's import (`images.import`:
 * type check, metadata reading, blob store). Check it with `refuseImageFile` first.
 */
import type { Image } from '../../../src-shared/model';
import { api } from '../../api/transport';
import { fileToBase64 } from '../../views/images/base64';
import { rememberImage } from './records';

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
