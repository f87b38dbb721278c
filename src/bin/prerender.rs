//! Renders a start screen to static HTML at build time (step 3 of
//! scripts/build): `prerender welcome` for index.html, `prerender questions`
//! for questions.html; `prerender content es` writes that language's
//! content file (the browser build embeds English alone); `prerender
//! directory` writes the crisis directory file that the guide fetches as it
//! starts and the failure screens (no WebAssembly, a crash) read.
//! A visitor sees the screen, and can answer the first
//! question, before the WebAssembly has loaded; the guide then takes over,
//! keeping any answer already given (`state::Start::early`) and any button
//! pressed (`data-sp-to`, queued by the boot script).

use std::rc::Rc;

use signpost::state::Start;
use signpost::{App, AppProps};
use signpost_engine::Locale;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let questions = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["welcome"] => false,
        ["questions"] => true,
        ["content", tag] if Locale::from_tag(tag).is_some() => {
            let locale = Locale::from_tag(tag).unwrap_or_default();
            let content =
                signpost::content::builtin::shared().expect("build.rs validated the content");
            // English's file is the prose the browser's wasm leaves out.
            let bytes = if locale == Locale::En {
                let prose = (*content).clone().defer_prose();
                signpost_engine::compiled::prose_to_bytes(&prose, locale)
            } else {
                signpost_engine::compiled::to_bytes_in(&content, locale)
            };
            std::io::Write::write_all(&mut std::io::stdout(), &bytes).expect("stdout");
            return;
        }
        ["directory"] => {
            print!(
                "{}",
                signpost::content::directory::builtin()
                    .unwrap_or_default()
                    .to_text()
            );
            return;
        }
        _ => {
            eprintln!("usage: prerender welcome|questions|content <language>|directory");
            std::process::exit(2);
        }
    };
    let html = yew::ServerRenderer::<App>::with_props(move || AppProps {
        locale: Some(Locale::En),
        start: Rc::new(Start {
            at_first_question: questions,
            ..Start::default()
        }),
        ..AppProps::default()
    })
    .hydratable(false)
    .render()
    .await;
    print!("{html}");
}
