//! Renders the first question to static HTML at build time, for
//! `questions.html`: a visitor sees and can answer the first question
//! before the WebAssembly has loaded; the guide then takes over, keeping
//! any answer already given (`state::Start::early`).

use std::rc::Rc;

use signpost::state::Start;
use signpost::{App, AppProps};
use signpost_engine::Locale;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let html = yew::ServerRenderer::<App>::with_props(|| AppProps {
        locale: Some(Locale::En),
        start: Rc::new(Start {
            questions: true,
            ..Start::default()
        }),
        ..AppProps::default()
    })
    .hydratable(false)
    .render()
    .await;
    print!("{html}");
}
