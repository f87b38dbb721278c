//! Renders a start screen to static HTML at build time (step 3 of
//! scripts/build): `prerender welcome` for index.html, `prerender questions`
//! for questions.html. A visitor sees the screen, and can answer the first
//! question, before the WebAssembly has loaded; the guide then takes over,
//! keeping any answer already given (`state::Start::early`) and any button
//! pressed (`data-sp-to`, queued by the boot script).

use std::rc::Rc;

use signpost::state::Start;
use signpost::{App, AppProps};
use signpost_engine::Locale;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let questions = match std::env::args().nth(1).as_deref() {
        Some("welcome") => false,
        Some("questions") => true,
        _ => {
            eprintln!("usage: prerender welcome|questions");
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
