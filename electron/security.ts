import { app, session, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './appUrl';

/** Applies the guards to every web contents the app ever creates, including ones we did not create ourselves. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/** The renderer is local and trusted only while it stays on the app origin: no navigation away, no popups, no webviews. */
export function guardWebContents(contents: WebContents): void {
  const preventLeavingApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', preventLeavingApp);
  contents.on('will-redirect', preventLeavingApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to documentation and the like open in the user's browser; only https, never file: or custom schemes.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The app needs no camera, notifications, clipboard-read or other permission, so every request and check is refused. */
export function denyAllPermissions(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}
