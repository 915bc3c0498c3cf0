// Progressive enhancement only: every page works without this file. It adds a "copy link" button where the clipboard is available.
document.addEventListener('DOMContentLoaded', () => {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll('button.copy-link[data-url]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const status = button.nextElementSibling;
      try {
        await navigator.clipboard.writeText(button.dataset.url);
        if (status) status.textContent = button.dataset.done || '';
      } catch {
        if (status) status.textContent = '';
      }
    });
  }
});
