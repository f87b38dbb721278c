// Step 4 of scripts/build: turns Trunk's output in dist/ into the release
// bundle. Pure file work: every cargo build happened in an earlier, named
// step of scripts/build, which passes their outputs here.
//   node scripts/post-build.mjs DIST CHECKER_WASM WELCOME_HTML FIRST_QUESTION_HTML STUDIO_DIR [TAG=CONTENT_FILE…]
//  0. Minifies wasm-bindgen's glue and the stylesheet.
//  1. Adds the content checker module, and each language's content file
//     but English's (the wasm embeds English), under hashed names.
//  2. Replaces Trunk's inline loader with an external boot script
//     (web/boot.js filled in), so the page runs under a
//     Content-Security-Policy without 'unsafe-inline', nonces or hashes.
//  2b. Puts the same policy in a <meta> of each page, for hosts without headers.
//  3. Writes index.html and questions.html around the prerendered welcome
//     and first question.
//  4. Writes signpost-guide.js (the custom element) with the hashed names
//     filled in (the content checker's too), and minifies signpost-frame.js.
//  5. Writes sw.js with the precache list and version from the hashed file
//     names (never a hand-kept list).
//  6. Writes the clinic studio (studio.html, studio.js, studio.css and its
//     module under hashed names), which is in no visit and no precache.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';
import { GUIDE_CSP } from './static-server.mjs';

const [dir, checkerWasm, welcomeHtml, firstQuestion, studioDir, ...languageArgs] = process.argv.slice(2);
if (!studioDir) throw new Error('post-build: usage: post-build.mjs DIST CHECKER_WASM WELCOME_HTML FIRST_QUESTION_HTML STUDIO_DIR [TAG=FILE...] (run by scripts/build)');
const web = (file) => fileURLToPath(new URL(`../web/${file}`, import.meta.url));
const files = readdirSync(dir);
const find = (re) => {
  const hit = files.find((f) => re.test(f));
  if (!hit) throw new Error(`post-build: no file matching ${re} in ${dir}`);
  return hit;
};
const js = find(/^signpost-[0-9a-f]+\.js$/);
const wasm = find(/^signpost-[0-9a-f]+_bg\.wasm$/);
const css = find(/^main-[0-9a-f]+\.css$/);
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const short = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

// 0. Minify wasm-bindgen's glue (Trunk 0.21's minifier cannot parse it)
// and the stylesheet (its comments record the contrast checks): 6.4 -> 5.0
// and 4.4 -> 2.8 KiB brotli. The files keep their names (Trunk's hash of
// the source; esbuild is pinned, so the same source always gives the same
// output); the integrity values in index.html are computed again.
let html = readFileSync(join(dir, 'index.html'), 'utf8');
for (const [file, loader, tag] of [[js, 'js', 'link rel="modulepreload"'], [css, 'css', 'link rel="stylesheet"']]) {
  const { code } = transformSync(readFileSync(join(dir, file), 'utf8'), { minify: true, loader, format: loader === 'js' ? 'esm' : undefined });
  writeFileSync(join(dir, file), code);
  const ref = new RegExp(`(<${tag} href="\\./${file}"[^>]*integrity=")[^"]+"`);
  if (!ref.test(html)) throw new Error(`post-build: the <${tag}> of ${file} was not found in index.html`);
  html = html.replace(ref, `$1${sri(code)}"`);
}

// 1. The content checker (crates/content-check, built and optimised by
// step 2 of scripts/build): the validator as a module of its own, run
// only by pages whose configuration names replacement content
// (src/embed/replacement.rs); it is not precached. Hashed like the other files, so a new checker is
// never mixed with an old page from a cache; the page names it in
// data-checker (src/embed/page.rs).
const checker = readFileSync(checkerWasm);
const checkerName = `signpost-check-${short(checker)}.wasm`;
writeFileSync(join(dir, checkerName), checker);
if (!/<div id="signpost">/.test(html)) throw new Error('post-build: <div id="signpost"> was not found in index.html');
// Each language's content (src/content/languages.rs): `es=content-es-<hash>.bin`;
// English's is the prose its wasm leaves out, fetched as the guide starts.
const languages = languageArgs.map((arg) => {
  const [tag, file] = arg.split('=');
  const bytes = readFileSync(file);
  const name = `content-${tag}-${short(bytes)}.bin`;
  writeFileSync(join(dir, name), bytes);
  return `${tag}=${name}`;
}).join(' ');
// The crisis directory prerender wrote beside the welcome screen
// (scripts/build, step 4), as a hashed file: the guide fetches it as it
// starts (src/content/directory.rs; data-directory), the failure screens
// when they show (web/numbers.js, inline like the crash watcher), and the
// service worker precaches it for offline visits.
const directory = readFileSync(join(dirname(welcomeHtml), 'directory.txt'), 'utf8');
if (!directory.startsWith('signpost-directory 1\n')) throw new Error('post-build: directory.txt is not a Signpost directory');
const numbersName = `directory-${short(directory)}.txt`;
writeFileSync(join(dir, numbersName), directory);
const rootAttrs = `data-checker="${checkerName}" data-languages="${languages}" data-directory="${numbersName}"`;
html = html.replace('<div id="signpost">', `<div id="signpost" ${rootAttrs}>`);

// 2. The boot script (web/boot.js).
const inline = /<script type="module">[\s\S]*?<\/script>/;
if (!inline.test(html)) throw new Error('post-build: Trunk\'s inline loader was not found in index.html');
/// A web/ script without its leading comment lines (which say where it goes).
const body = (file) => readFileSync(web(file), 'utf8').replace(/^(\/\/.*\n)+/, '');
/// `text` (web/`file`) with each placeholder filled in: a `// __NAME__` line
/// with code, else `__NAME__` with its value. A missing or unfilled one is
/// an error.
const fill = (file, text, values) => {
  const out = Object.entries(values).reduce((part, [name, value]) => {
    const at = part.includes(`// __${name}__`) ? `// __${name}__` : `__${name}__`;
    if (!part.includes(at)) throw new Error(`post-build: no __${name}__ in web/${file}`);
    return part.replaceAll(at, () => value);
  }, text);
  const left = out.match(/__SIGNPOST_\w+__|\/\/ __\w+_JS__/);
  if (left) throw new Error(`post-build: ${left[0]} in web/${file} was not filled in`);
  return out;
};
// Code inlined into both scripts that start the guide, so no extra file is
// fetched: the crash watcher (web/crash.js), the failure screens' crisis
// numbers (web/numbers.js) and the prerendered screen's language guess and
// early clicks (web/prerendered.js).
const shared = { CRASH_JS: body('crash.js').trim(), NUMBERS_JS: body('numbers.js').trim(), PRERENDERED_JS: body('prerendered.js').trim() };
// What the guide is and the way to urgent help, per language. The element
// takes it all; the boot script only the crisis numbers' labels, and the
// title and intro of each language but English (shown in place of the
// English prerendered screen).
const fallbackText = JSON.parse(readFileSync(web('fallback-text.json'), 'utf8'));
// The scripts guess the visitor's language among its entries.
const tags = [...new Set(['en', ...languageArgs.map((arg) => arg.split('=')[0])])].sort().join(' ');
if (Object.keys(fallbackText).sort().join(' ') !== tags) throw new Error(`post-build: web/fallback-text.json should have an entry for each of the guide's languages (${tags}), no more`);
// The page's HTML has the urgent-help line in English and Spanish; the
// other languages' is added where the page stands in for the guide.
const bootText = Object.fromEntries(Object.entries(fallbackText).map(([tag, { title, intro, urgent, ...labels }]) => [tag, tag === 'en' ? labels : tag === 'es' ? { title, intro, ...labels } : { title, intro, urgent, ...labels }]));
const template = html.match(/<template id="signpost-crash">([\s\S]*?)<\/template>/);
if (!template) throw new Error('post-build: <template id="signpost-crash"> was not found in index.html');
// Minified (esbuild, pinned): it is on every first visit's critical path,
// and its comments and names are for the source's readers.
const boot = transformSync(fill('boot.js', readFileSync(web('boot.js'), 'utf8').replace(/^(\/\/.*\n)+\n/, ''), {
  ...shared, SIGNPOST_FALLBACK: JSON.stringify(bootText), SIGNPOST_JS: js, SIGNPOST_WASM: wasm, SIGNPOST_NUMBERS: numbersName,
  SIGNPOST_WASM_SRI: sri(readFileSync(join(dir, wasm))),
}), { minify: true, loader: 'js', format: 'esm' }).code;
const bootName = `boot-${short(boot)}.js`;
writeFileSync(join(dir, bootName), boot);
html = html.replace(inline, `<script type="module" src="./${bootName}" integrity="${sri(boot)}" crossorigin="anonymous"></script>`);

// 2b. The policy in the pages too (issue 27), for hosts that cannot set
// headers: a <meta> Content-Security-Policy, first in <head> (it covers only
// what follows it). The header's policy (scripts/static-server.mjs) minus
// what a <meta> cannot carry: frame-ancestors, report-uri and sandbox are
// appended by the servers, never in GUIDE_CSP. Where both arrive, both apply.
/// `text` (a page) with the meta policy after its <meta charset>.
const withMetaCsp = (text, file) => {
  if (/frame-ancestors|report-uri|sandbox/.test(GUIDE_CSP)) throw new Error('post-build: GUIDE_CSP has a directive a <meta> policy ignores');
  const charset = /<meta charset="utf-8">\n?/i;
  if (!charset.test(text)) throw new Error(`post-build: no <meta charset="utf-8"> in ${file}`);
  return text.replace(charset, (m) => `${m}  <meta http-equiv="Content-Security-Policy" content="${GUIDE_CSP}">\n`);
};
html = withMetaCsp(html, 'index.html');

// 3. index.html, with the welcome prerendered natively by step 4 of
// scripts/build (src/bin/prerender.rs) and the first question as a
// template beside it (the boot script shows it for ?step=questions, or
// when Start is pressed before the guide has started), so either can be
// read and used before the wasm arrives; src/embed/page.rs takes over and
// keeps what the visitor did. The plain fallback of the source page
// becomes a template the boot script shows if the wasm cannot start; its
// urgent-help lines stay below the prerendered screen, for every browser.
// index.html is the one page with the clinic's configuration: questions.html
// only sends the visitor to ./?step=questions (old links keep working, and
// no second copy of the crisis contacts can fall out of date).
const fallback = /<div id="signpost"[^>]*>\s*(?:<!--[\s\S]*?-->\s*)?(<div class="signpost sp-fallback">[\s\S]*?<\/div>)\s*<\/div>\s*(?=<\/body>)/;
const plain = html.match(fallback);
if (!plain) throw new Error('post-build: the #signpost block with its .sp-fallback was not found in index.html');
const urgent = (plain[1].match(/<p class="sp-urgent"[\s\S]*?<\/p>/g) ?? []).join('\n');
if (!urgent) throw new Error('post-build: no urgent-help line (.sp-urgent) in the fallback of index.html');
const source = html;
const below = `<div class="signpost sp-fallback">${urgent}</div>`;
const question = readFileSync(firstQuestion, 'utf8');
const page = (start, prerendered, templates = '') => source
  .replace(fallback, `<template id="signpost-fallback">${plain[1]}</template>${templates}
<div id="signpost" ${rootAttrs} data-start="${start}">${prerendered}
${below}</div>
`)
  // The screen is already on the page: let its HTML and CSS have the
  // bandwidth first, and fetch the guide's code after them.
  .replace(/<link rel="(modulepreload|preload)"/g, '<link rel="$1" fetchpriority="low"')
  .replace(/<script type="module" src="/, '<script type="module" fetchpriority="low" src="');
// index.html also carries the first question, for Start before the guide.
html = page('welcome', readFileSync(welcomeHtml, 'utf8'), `\n<template id="signpost-question">${question}\n${below}</template>`);
writeFileSync(join(dir, 'index.html'), html);
const redirect = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=./?step=questions">
<title>Signpost: the questions</title>
</head>
<body>
<p><a href="./?step=questions">Start the questions</a></p>
</body>
</html>
`;
writeFileSync(join(dir, 'questions.html'), withMetaCsp(redirect, 'questions.html'));

// 4. The custom element, with wasm-bindgen's glue bundled in (a host page
// pins this one file with `integrity`) and the integrity of every file it
// loads: the wasm, the stylesheet, the checker, the languages and the
// directory (each fetch and the stylesheet link check it).
const integrity = Object.fromEntries([wasm, css, checkerName, numbersName, ...languages.split(' ').filter(Boolean).map((p) => p.split('=')[1])]
  .map((name) => [name, sri(readFileSync(join(dir, name)))]));
const elementSource = fill('signpost-guide.js', readFileSync(web('signpost-guide.js'), 'utf8'), {
  ...shared,
  SIGNPOST_FALLBACK: JSON.stringify(fallbackText),
  SIGNPOST_WELCOME: JSON.stringify(readFileSync(welcomeHtml, 'utf8')),
  SIGNPOST_QUESTION: JSON.stringify(readFileSync(firstQuestion, 'utf8')),
  SIGNPOST_CRASH: JSON.stringify(template[1].trim().replace(/\n\s*/g, '')),
  SIGNPOST_JS: js, SIGNPOST_WASM: wasm, SIGNPOST_CSS: css, SIGNPOST_CHECKER: checkerName,
  SIGNPOST_LANGUAGES: languages, SIGNPOST_NUMBERS: numbersName, SIGNPOST_INTEGRITY: JSON.stringify(integrity),
});
const bundled = buildSync({
  stdin: { contents: elementSource, resolveDir: dir, sourcefile: 'signpost-guide.js' },
  bundle: true, minify: true, format: 'esm', write: false, legalComments: 'none', logLevel: 'error',
});
const element = bundled.outputFiles[0].text;
writeFileSync(join(dir, 'signpost-guide.js'), element);
// The iframe's optional host script (a fixed name: host pages link to it),
// on that entry point's critical path: minified, with a line naming its
// commented source.
writeFileSync(join(dir, 'signpost-frame.js'), `// Signpost's iframe host script; its source, with comments: web/signpost-frame.js\n${
  transformSync(readFileSync(web('signpost-frame.js'), 'utf8'), { minify: true, loader: 'js' }).code}`);

// 5. The service worker: what an offline visit to the standalone page (or
// the iframe) needs, and a version that changes whenever any of it does.
// Not the checker module (replacement content is fetched from the network
// anyway), nor the scripts host pages load (a host page is not the
// worker's to answer), nor sw.js itself. Nor the other languages' files:
// each is kept only by its visitors, when the page names it or the guide
// fetches it. English's (the prose its wasm leaves out) is precached: every
// visitor starts with the English wasm, and most read English.
const languageNames = languages.split(' ').filter((p) => p && !p.startsWith('en=')).map((p) => p.split('=')[1]);
const notOffline = new Set(['sw.js', 'index.html', checkerName, 'signpost-guide.js', 'signpost-frame.js', ...languageNames]);
// The studio (step 6) is for clinic staff, never for a visitor's device.
const isStudio = (f) => f.startsWith('studio');
const precache = ['./', ...readdirSync(dir).filter((f) => !notOffline.has(f) && !isStudio(f)).sort().map((f) => `./${f}`)];
const version = short(precache.map((f) => f === './' ? html : readFileSync(join(dir, f))).join('\n'));
const sw = readFileSync(web('sw.js'), 'utf8')
  .replace('__VERSION__', version).replace('__PRECACHE__', () => JSON.stringify(precache))
  .replace('__LANGUAGES__', () => JSON.stringify(languageNames.map((f) => `./${f}`)));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`post-build: ${bootName}, questions.html, ${checkerName}, signpost-guide.js, signpost-frame.js, sw.js (${precache.length} files, version ${version})`);

// 6. The clinic studio: the form (web/studio.*) and its engine module
// (crates/studio, built by step 3 of scripts/build) under hashed names.
// Its snippets pin this release: the version folder and the integrity of
// signpost-guide.js as written above.
const release = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(readFileSync(fileURLToPath(new URL('../Cargo.toml', import.meta.url)), 'utf8'))?.[1];
if (!release) throw new Error('post-build: no [workspace.package] version in Cargo.toml');
const studioWasm = readFileSync(join(studioDir, 'signpost_studio_bg.wasm'));
const studioWasmName = `studio-${short(studioWasm)}.wasm`;
writeFileSync(join(dir, studioWasmName), studioWasm);
const { code: glue } = transformSync(readFileSync(join(studioDir, 'signpost_studio.js'), 'utf8'), { minify: true, loader: 'js', format: 'esm' });
const glueName = `studio-glue-${short(glue)}.js`;
writeFileSync(join(dir, glueName), glue);
const studioJs = readFileSync(web('studio.js'), 'utf8')
  .replace('__STUDIO_GLUE__', glueName).replace('__STUDIO_WASM__', studioWasmName)
  .replace('__VERSION__', release).replace('__GUIDE_INTEGRITY__', sri(element));
writeFileSync(join(dir, 'studio.js'), studioJs);
writeFileSync(join(dir, 'studio.html'), withMetaCsp(readFileSync(web('studio.html'), 'utf8'), 'web/studio.html'));
copyFileSync(web('studio.css'), join(dir, 'studio.css'));
console.log(`post-build: studio.html, studio.js, studio.css, ${glueName}, ${studioWasmName} (release ${release})`);
