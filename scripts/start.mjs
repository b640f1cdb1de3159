#!/usr/bin/env node
// `npm start`: build, make sure the test host is installed, and open SFT Studio (loaded as
// an extension under development) in a real VS Code (code-server) on the examples/
// workspace. Prints the URL to open and stays up until Ctrl-C.
//
//   npm start                      code-server on 127.0.0.1 (PORT env or a free port)
//   npm start -- --desktop         `code --extensionDevelopmentPath=. examples` (needs `code` on PATH)
//   npm start -- --folder <dir>    another workspace folder
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const desktop = args.includes('--desktop');
const folderAt = args.indexOf('--folder');
const folder = path.resolve(root, folderAt >= 0 ? args[folderAt + 1] : 'examples');

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`${cmd} ${argv.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

run(process.execPath, ['esbuild.mjs', '--dev']);
if (!fs.existsSync(folder)) fs.mkdirSync(folder, { recursive: true });

if (desktop) {
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.error('`code` is not on PATH; run `npm start` without --desktop for code-server.');
    process.exit(1);
  }
  const child = spawn('code', [`--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  run('bash', [path.join(root, 'test/host/setup.sh')]);
  const {
    makeRunDir,
    startServer,
    stopServer,
    workbenchUrl,
    remoteUri,
    checkInstall,
    vscodeVersion,
  } = await import('../test/host/lib.mjs');
  checkInstall();
  const dirs = makeRunDir('sft-start-');
  const server = await startServer({
    dirs,
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
  });
  const stop = async () => {
    await stopServer(server);
    fs.rmSync(dirs.root, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const url = workbenchUrl(server, {
    folder,
    payload: [
      ['extensionDevelopmentPath', remoteUri(server, root)],
      ['skipWelcome', 'true'],
    ],
  });
  console.log(
    `\nSFT Studio in VS Code ${vscodeVersion()} (code-server). Open:\n\n  ${url}\n\nExtension: ${root}. Rebuild with \`node esbuild.mjs --watch\`, then reload the window. Ctrl-C stops.`,
  );
  const watch = setInterval(() => {
    if (server.exited) {
      console.error(`code-server exited: ${JSON.stringify(server.exited)}`);
      clearInterval(watch);
      process.exit(1);
    }
  }, 1000);
}
