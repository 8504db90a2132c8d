/**
 * Saves bytes or text as a file the browser downloads: a Blob, an `a[download]`, and a deferred revoke (revoking
 * at once can cancel the download in some browsers).
 */
export function saveFile(data: Uint8Array | string, filename: string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
