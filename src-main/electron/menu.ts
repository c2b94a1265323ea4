import type { MenuItemConstructorOptions } from 'electron';

/** A deliberately small menu: the Edit roles make copy/paste/undo shortcuts work everywhere. */
export function buildMenuTemplate(opts: {
  isMac: boolean;
  isDev: boolean;
}): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (opts.isMac) template.push({ role: 'appMenu' });
  template.push({ role: 'fileMenu' });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  });
  if (opts.isDev) {
    template.push({
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  template.push({ role: 'windowMenu' });
  return template;
}
