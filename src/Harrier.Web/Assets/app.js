// Harrier web UI: live regions, confirmations and form helpers. Served as a file (CSP: script-src 'self').
// Server HTML is already escaped; this script never builds markup from strings itself.
(() => {
  'use strict';
  const parser = new DOMParser();

  function startLive(initial) {
    let region = initial;
    let last = null;
    const interval = () => Math.max(500, parseInt(region.dataset.liveInterval || '2000', 10));
    const tick = async () => {
      if (!region.isConnected || region.dataset.liveDone === 'true') return;
      if (!document.hidden) {
        try {
          const response = await fetch(region.dataset.live, {
            headers: { 'X-Harrier-Live': '1' }, credentials: 'same-origin', cache: 'no-store', redirect: 'error'
          });
          if (response.status === 401) {
            window.location.assign('/signin?returnUrl=' + encodeURIComponent(location.pathname + location.search));
            return;
          }
          if (response.ok) {
            const text = await response.text();
            if (text !== last) {
              last = text;
              const fresh = parser.parseFromString(text, 'text/html').getElementById(region.id);
              if (fresh) region = swap(region, fresh);
            }
          }
        } catch (e) { /* offline for a moment: try again next time */ }
      }
      if (region.dataset.liveDone !== 'true') window.setTimeout(tick, interval());
    };
    window.setTimeout(tick, interval());
  }

  // Replaces a live region, keeping which findings are open and which control has focus.
  function swap(region, fresh) {
    const open = new Set([...region.querySelectorAll('details[open][id]')].map(d => d.id));
    const active = document.activeElement;
    const focusKey = active && region.contains(active) ? (active.id || active.dataset.action || null) : null;
    const node = document.importNode(fresh, true);
    node.querySelectorAll('details[id]').forEach(d => { if (open.has(d.id)) d.open = true; });
    region.replaceWith(node);
    if (focusKey) {
      const target = node.querySelector('#' + CSS.escape(focusKey)) || node.querySelector('[data-action="' + CSS.escape(focusKey) + '"]');
      if (target) target.focus();
    }
    document.dispatchEvent(new CustomEvent('harrier:live', { detail: { id: node.id } }));
    return node;
  }

  document.addEventListener('submit', e => {
    const message = e.target instanceof HTMLFormElement ? e.target.dataset.confirm : null;
    if (message && !window.confirm(message)) e.preventDefault();
  });

  // Shows the fieldsets of the chosen authentication kind (all are shown without script).
  function bindToggles() {
    document.querySelectorAll('[data-toggle]').forEach(control => {
      const update = () => {
        document.querySelectorAll('[data-toggle-group="' + control.dataset.toggle + '"]').forEach(section => {
          const wanted = (section.dataset.showWhen || '').split(' ');
          section.hidden = !wanted.includes(control.value);
        });
      };
      control.addEventListener('change', update);
      update();
    });
  }

  function init() {
    document.querySelectorAll('[data-live][id]').forEach(startLive);
    bindToggles();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
