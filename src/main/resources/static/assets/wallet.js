// The wallet's few scripts: the CSRF header for the page's own requests (fetch), nothing else global.
// Pages that need more load their own small file; the card page stays under 100 KB.
(() => {
  const header = document.querySelector('meta[name="csrf-header"]')?.content;
  const token = document.querySelector('meta[name="csrf-token"]')?.content;
  window.kopilkaWallet = {
    post(url, body) {
      const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      if (header && token) headers[header] = token;
      return fetch(url, { method: 'POST', headers, body: new URLSearchParams(body || {}), credentials: 'same-origin' });
    }
  };
})();
