//! Component tests in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use signpost::{App, AppProps};
use signpost_engine::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(props: AppProps) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn switching_language_rerenders_the_welcome_screen() {
    let root = mount(AppProps {
        locale: Some(Locale::En),
        standalone: false,
    })
    .await;
    assert_eq!(
        text_of(&root, "h1"),
        "Find the kind of support that suits you"
    );
    let guide = root.query_selector(".signpost").unwrap().unwrap();
    assert_eq!(guide.get_attribute("lang").as_deref(), Some("en"));

    let spanish: web_sys::HtmlElement = root
        .query_selector(r#"button[lang="es"]"#)
        .unwrap()
        .unwrap()
        .unchecked_into();
    spanish.click();
    yew::scheduler::flush().await;

    assert_eq!(
        text_of(&root, "h1"),
        "Encuentre el tipo de apoyo que le conviene"
    );
    assert_eq!(guide.get_attribute("lang").as_deref(), Some("es"));
    assert_eq!(
        spanish.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn standalone_guide_sets_the_document_language() {
    let _root = mount(AppProps {
        locale: Some(Locale::Es),
        standalone: true,
    })
    .await;
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("es"));
}
