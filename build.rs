//! Compiles content/*.toml for the browser: loads and validates it with the
//! engine (natively), then writes postcard bytes that the app embeds. Bad
//! content fails the build with every problem listed.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=content");
    let sources = signpost_engine::builtin_sources();
    match signpost_engine::load(&sources) {
        Ok(content) => {
            let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            std::fs::write(
                out.join("content.bin"),
                signpost_engine::compiled::to_bytes(&content),
            )
            .expect("OUT_DIR is writable");
        }
        Err(problems) => {
            for p in problems.iter() {
                println!("cargo:warning={p}");
            }
            panic!(
                "content/*.toml has {} problem(s); see the warnings above",
                problems.len()
            );
        }
    }
}
