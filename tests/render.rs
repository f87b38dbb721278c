//! Native render-to-string tests: the views checked without a browser.
#![cfg(not(target_arch = "wasm32"))]

use signpost::{App, AppProps};
use signpost_engine::Locale;

async fn render(locale: Locale) -> String {
    yew::ServerRenderer::<App>::with_props(move || AppProps {
        locale: Some(locale),
        standalone: false,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn welcome_renders_in_each_language_with_matching_lang() {
    let en = render(Locale::En).await;
    assert!(en.contains(r#"lang="en""#), "{en}");
    assert!(
        en.contains("Find the kind of support that suits you"),
        "{en}"
    );
    assert!(en.contains("Your answers stay on this device."), "{en}");

    let es = render(Locale::Es).await;
    assert!(es.contains(r#"<div lang="es" class="signpost">"#), "{es}");
    assert!(
        es.contains("Encuentre el tipo de apoyo que le conviene"),
        "{es}"
    );
    assert!(!es.contains("Find the kind of support"), "{es}");
}

#[tokio::test]
async fn the_current_language_is_pressed_and_the_heading_can_take_focus() {
    let html = render(Locale::Es).await;
    assert!(html.contains(r#"lang="es" aria-pressed="true""#), "{html}");
    assert!(html.contains(r#"lang="en" aria-pressed="false""#), "{html}");
    assert!(
        html.contains(r#"<h1 id="sp-welcome-title" tabindex="-1">"#),
        "{html}"
    );
}
