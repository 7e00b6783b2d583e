#!/usr/bin/env node
// `npm run crds`: downloads the pinned official CRD files (scripts/crds.json: repository, tag,
// path, git blob id) into .crds/, for checkouts without ../shared/crds. Each file is verified
// against its git blob id (sha1 of "blob <size>\0<content>"), so a changed upstream file fails.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const target = path.join(root, '.crds');
const files = require('./crds.json');

function gitBlobId(buf) {
  return crypto.createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

async function main() {
  let failed = 0;
  for (const f of files) {
    const dest = path.join(target, f.file);
    if (fs.existsSync(dest) && gitBlobId(fs.readFileSync(dest)) === f.gitBlob) continue;
    const url = `https://raw.githubusercontent.com/${f.repo}/${f.tag}/${f.path}`;
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const buf = Buffer.from(await res.arrayBuffer());
      const id = gitBlobId(buf);
      if (id !== f.gitBlob) throw new Error(`git blob ${id} does not match the pinned ${f.gitBlob}`);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, buf);
      console.log(`fetched ${f.file} (${f.repo}@${f.tag})`);
    } catch (e) {
      failed++;
      console.error(`FAILED ${f.file} from ${url}: ${e.message}`);
    }
  }
  if (failed > 0) {
    console.error(`${failed} CRD file(s) could not be fetched; set CRD_DIR to a folder holding them instead.`);
    process.exit(1);
  }
  console.log(`${files.length} pinned CRD files are in ${path.relative(root, target)}/`);
}
main();
