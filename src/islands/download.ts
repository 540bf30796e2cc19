/** Saves text as a file through an object URL; nothing is sent anywhere. */
export function download(name: string, type: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  // Never revoked: WebKit on iOS reads the file while its download sheet is open, however long
  // the reader takes, and the files are a few kilobytes that go with the page.
}
