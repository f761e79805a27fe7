// The verification page's enhancement: pick the convention's file, its SHA-256 is computed here, in the
// browser (the file is never sent), and the form asks the platform about it.
const group = document.getElementById('fichier-groupe');
const file = document.getElementById('fichier') as HTMLInputElement | null;
const field = document.getElementById('empreinte') as HTMLInputElement | null;
const form = document.getElementById('verification') as HTMLFormElement | null;

if (group && file && field && form && globalThis.crypto?.subtle) {
  group.hidden = false;
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const digest = await crypto.subtle.digest('SHA-256', await chosen.arrayBuffer());
    field.value = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    form.submit();
  });
}
