// A file picked in the browser, read as base64 for the JSON upload bodies the API takes
// (attachments, a CV, an applicant's proof).

/** The file's bytes as base64, without the `data:` URL prefix. */
export const readBase64 = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
