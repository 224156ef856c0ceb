// Refreshes the flagged list every 4 s without reloading the page, so a new emergency
// shows up on its own. Served as a file: the CSP allows no inline script.
(function () {
  const box = document.querySelector("[data-poll]");
  if (!box) return;
  let busy = false;
  const baseTitle = document.title;
  // An open emergency also shows in the tab title, for staff working in another tab.
  function markTitle() {
    const counts = box.querySelector("[data-emergencies]");
    const n = counts ? Number(counts.dataset.emergencies) : 0;
    document.title = n > 0 ? `(${n}) EMERGENCY · ${baseTitle}` : baseTitle;
  }
  markTitle();
  async function refresh() {
    // Don't swap the list under someone typing a resolution note.
    if (busy || box.contains(document.activeElement)) return;
    busy = true;
    try {
      const res = await fetch(box.dataset.poll, { credentials: "same-origin", cache: "no-store" });
      if (res.ok) {
        box.innerHTML = await res.text();
        markTitle();
      }
      else if (res.redirected || res.status === 401) window.location.assign("/staff/login");
    } catch (e) {
      /* offline for a moment: try again next round */
    } finally {
      busy = false;
    }
  }
  setInterval(refresh, 4000);
})();
