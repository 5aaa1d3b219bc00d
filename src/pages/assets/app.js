// Progressive enhancement only: every page works without this file.
import { initAll as initGovuk } from '/assets/govuk/govuk-frontend.min.js';
import { initAll as initMoj } from '/assets/moj/moj-frontend.min.js';

initGovuk();
initMoj();

// Upload progress for the import form: with JavaScript the file is sent by XHR and a bar shows how much
// has gone; the answer's <main> then replaces this one. Without JavaScript the form posts as usual.
function bindUploads() {
  for (const form of document.querySelectorAll('form[data-app-upload]')) {
    form.addEventListener('submit', (event) => {
      if (!window.FormData || !window.XMLHttpRequest || !window.DOMParser) return;
      event.preventDefault();
      const progress = form.querySelector('[data-app-progress]');
      const fill = form.querySelector('[data-app-progress-fill]');
      const text = form.querySelector('[data-app-progress-text]');
      progress.classList.add('app-progress--active');
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.addEventListener('progress', (e) => {
        if (!e.lengthComputable) return;
        const percent = Math.round((e.loaded / e.total) * 100);
        fill.style.width = `${percent}%`;
        text.textContent = percent < 100 ? `Uploading: ${percent}%` : 'Checking the rows…';
      });
      xhr.addEventListener('load', () => {
        const answer = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        const main = answer.querySelector('main');
        if (!main) return form.submit();
        document.title = answer.title;
        document.querySelector('main').replaceWith(document.adoptNode(main));
        initGovuk();
        bindUploads();
        document.querySelector('main h1')?.focus();
      });
      xhr.addEventListener('error', () => form.submit());
      xhr.send(new FormData(form));
    });
  }
}
bindUploads();
