/** The `copydesk-cli` executable: runs the command line (main.ts) on this process's arguments. */
import { main } from './main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
