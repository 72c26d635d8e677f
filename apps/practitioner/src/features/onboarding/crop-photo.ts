// Crops a picked image to its centred square on a canvas and re-encodes it as a JPEG of at most
// 512 px a side: what is uploaded is small, square and stripped of the camera's metadata.
import { squareCrop } from './profile-fields.ts';

export const PHOTO_SIDE = 512;

export async function cropToSquare(file: Blob, side = PHOTO_SIDE): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  try {
    const { sx, sy, size } = squareCrop(bitmap.width, bitmap.height);
    const out = Math.min(side, size);
    const canvas = document.createElement('canvas');
    canvas.width = out;
    canvas.height = out;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#ffffff'; // transparent PNGs get a white background, not black
    context.fillRect(0, 0, out, out);
    context.drawImage(bitmap, sx, sy, size, size, 0, 0, out, out);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('canvas gave no image'))),
        'image/jpeg',
        0.88,
      ),
    );
  } finally {
    bitmap.close();
  }
}
