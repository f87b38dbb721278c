//! Renders a start screen to static HTML at build time (step 3 of
//! scripts/build): `prerender welcome` for index.html, `prerender questions`
//! for questions.html; `prerender content es` writes that language's
//! content file (the browser build embeds English alone); `prerender
//! directory` writes the crisis directory as a compact table for the
//! failure screens (no WebAssembly, a crash), and `prerender numbers
//! index.html` the numbers of the country its configuration pins, with the
//! clinic's contacts, as HTML (`signpost::numbers`), so their numbers are
//! the guide's own. A visitor sees the screen, and can answer the first
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
            let content = signpost::builtin::shared().expect("build.rs validated the content");
            let bytes = signpost_engine::compiled::to_bytes_in(&content, locale);
            std::io::Write::write_all(&mut std::io::stdout(), &bytes).expect("stdout");
            return;
        }
        ["directory"] => {
            let content = signpost::builtin::shared().expect("build.rs validated the content");
            print!("{}", signpost::numbers::table_json(&content));
            return;
        }
        ["numbers", page] => {
            let content = signpost::builtin::shared().expect("build.rs validated the content");
            let html = std::fs::read_to_string(page).expect("the page to read");
            let Some(json) = signpost::numbers::inline_config(&html) else {
                return;
            };
            // A configuration the guide would not read lists nothing here
            // (the guide names its problems in the console).
            let Ok(value) = signpost_engine::json_value(json) else {
                eprintln!("prerender: the configuration in {page} is not JSON; no numbers below the screens");
                return;
            };
            let (config, _) = signpost_engine::config::read_config(&value, &content);
            print!("{}", signpost::numbers::static_html(&content, &config));
            return;
        }
        _ => {
            eprintln!("usage: prerender welcome|questions|content <language>|directory|numbers <page.html>");
            std::process::exit(2);
        }
    };
    let html = yew::ServerRenderer::<App>::with_props(move || AppProps {
        locale: Some(Locale::En),
        start: Rc::new(Start {
            questions,
            ..Start::default()
        }),
        ..AppProps::default()
    })
    .hydratable(false)
    .render()
    .await;
    print!("{html}");
}

