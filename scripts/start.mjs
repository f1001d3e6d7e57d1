// npm start: grade each sample answer in examples/answers/ against the bundled rubric of the same name.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('../examples/answers/', import.meta.url);
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const id = `devops/${file.replace(/\.txt$/, '')}`;
  console.log(`\n$ rubricate grade ${id} examples/answers/${file}\n`);
  const run = spawnSync(
    process.execPath,
    [new URL('../dist/cli.js', import.meta.url).pathname, 'grade', id, new URL(file, dir).pathname],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
