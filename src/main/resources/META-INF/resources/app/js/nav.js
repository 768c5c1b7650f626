// Moving between screens and telling the user what happened: what every screen needs from the shell, kept
// apart from the shell (app.js imports the screens, so the screens cannot import it back).

export function go(route) {
  window.location.hash = `#${route}`;
}

let quiet = null;

/** A short message in the status line (a polite live region), cleared after a while. */
export function say(message) {
  document.getElementById('status').textContent = message;
  clearTimeout(quiet);
  quiet = setTimeout(() => { document.getElementById('status').textContent = ''; }, 6000);
}
