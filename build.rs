//! Compiles content/*.toml for the browser: loads and validates it with the
//! engine (natively), proves its clinical safeguards over every reachable
//! answer set, then writes postcard bytes that the app embeds. Bad content
//! or a broken safeguard fails the build with every problem listed.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=content");
    let sources = signpost_engine::builtin_sources();
    let content = match signpost_engine::load(&sources) {
        Ok(content) => content,
        Err(problems) => {
            for p in problems.iter() {
                println!("cargo:warning={p}");
            }
            panic!(
                "content/*.toml has {} problem(s); see the warnings above",
                problems.len()
            );
        }
    };
    match signpost_engine::prove::prove(&content) {
        Ok(proof) if proof.holds() => {}
        Ok(proof) => {
            for s in &proof.safeguards {
                if let Some(c) = &s.counterexample {
                    println!(
                        "cargo:warning=safeguard {} broken ({}) by {}; best: {}",
                        s.id,
                        c.broken,
                        signpost_engine::prove::answers_json(&content, &c.answers),
                        c.best.join(", ")
                    );
                }
            }
            panic!(
                "a clinical safeguard is broken; see the warnings above (signpost-check content/*.toml says more)"
            );
        }
        Err(e) => panic!("the safeguards cannot be proven: {e}"),
    }
    // A crisis number not checked for a year: warn (signpost-check says the
    // same), never fail, so an old checkout still builds.
    let today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i64);
    for s in signpost_engine::directory::stale_sources(
        &content,
        &signpost_engine::directory::date_of(today),
    ) {
        println!("cargo:warning=crisis directory: {s}");
    }
    // Readability is a target, not a gate: warn, never fail.
    for w in signpost_engine::readability::report(&content).warnings() {
        println!("cargo:warning=readability: {w}");
    }
    // The browser never reads the safeguards (they are proven here, and
    // their rationales are for reviewers): leave them out of its download.
    // Compiled content has no crisis directory either (the browser fetches
    // it as a file of its own, src/content/directory.rs); directory.bin keeps
    // it for native builds (the prerender writes that file from it).
    let mut shipped = content;
    shipped.safeguards.clear();
    // Self-care sources are for reviewers too.
    for a in &mut shipped.questionnaire.self_care {
        a.source.clear();
    }
    // content.bin has every language (native builds: the prerender, the
    // render tests); content-<tag>.bin one each. The browser build embeds
    // English's alone and fetches the others (src/content/builtin.rs).
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: String, bytes: Vec<u8>| {
        std::fs::write(out.join(name), bytes).expect("OUT_DIR is writable")
    };
    write(
        "content.bin".into(),
        signpost_engine::compiled::to_bytes(&shipped),
    );
    write(
        "directory.bin".into(),
        signpost_engine::compiled::directory_to_bytes(&shipped),
    );
    // The browser's directory file, for the wasm tests (the build's own
    // comes from `prerender directory`, which writes the same text).
    write(
        "directory.txt".into(),
        signpost_engine::directory::Directory::from_content(&shipped)
            .to_text()
            .into_bytes(),
    );
    for locale in signpost_engine::Locale::ALL {
        write(
            format!("content-{locale}.bin"),
            signpost_engine::compiled::to_bytes_in(&shipped, locale),
        );
    }
    // What the browser's wasm embeds: English without the prose that no
    // screen before the first question needs (`Content::defer_prose`). That
    // comes in English's file, fetched as the guide starts
    // (src/content/builtin.rs; `prerender content en` writes it).
    let mut core = shipped.clone();
    let prose = core.defer_prose();
    write(
        "content-en-core.bin".into(),
        signpost_engine::compiled::to_bytes_in(&core, signpost_engine::Locale::En),
    );
    // English's file, for the wasm tests (the build's own comes from
    // `prerender content en`, which writes the same bytes).
    write(
        "content-en-prose.bin".into(),
        signpost_engine::compiled::prose_to_bytes(&prose, signpost_engine::Locale::En),
    );
}
