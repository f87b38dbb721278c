//! Component tests in headless Chromium (wasm-bindgen-test): mount the
//! guide, interact as a visitor would, assert on the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use signpost::context::{Config, CrisisContact};
use signpost::embed::element::ElementGuide;
use signpost::state::{Screen, Start};
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

/// Waits for an element's guide to start: the content and language are
/// resolved first (`embed::resolve`, a task of its own), then rendered.
/// Polls, one turn of the event loop at a time, for its heading.
async fn started(root: &web_sys::Element) {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if root.query_selector("h1").unwrap().is_some() {
            return;
        }
        let turn = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback(&resolve);
        });
        wasm_bindgen_futures::JsFuture::from(turn).await.unwrap();
    }
    panic!("the guide did not start");
}

/// The wasm embeds English alone; the build writes Spanish's file beside
/// it. Here it is added directly, as `content::languages` would after
/// fetching it (the fetch itself is tested end to end).
fn with_spanish() {
    if signpost::content::builtin::in_locale(Locale::Es).is_none() {
        signpost::content::builtin::add(
            Locale::Es,
            include_bytes!(concat!(env!("OUT_DIR"), "/content-es.bin")),
        )
        .unwrap();
    }
}

/// English's prose, which the wasm leaves out (`Content::defer_prose`),
/// added as `content::languages` would after fetching it.
fn with_english_prose() {
    if !signpost::content::builtin::complete(Locale::En) {
        signpost::content::builtin::add(
            Locale::En,
            include_bytes!(concat!(env!("OUT_DIR"), "/content-en-prose.bin")),
        )
        .unwrap();
    }
}

/// The crisis directory as the page gets it: fetched (from a `data:`
/// address here, where there is no server) through the guide's own loader,
/// and awaited.
async fn with_directory() {
    let text = include_str!(concat!(env!("OUT_DIR"), "/directory.txt"));
    let url = format!(
        "data:text/plain;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    );
    signpost::content::directory::start(&url);
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        signpost::content::directory::when_loaded(move |_| {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    wasm_bindgen_futures::JsFuture::from(loaded).await.unwrap();
}

fn at(screen: Screen) -> AppProps {
    AppProps {
        start: Rc::new(Start {
            open_at: Some(screen),
            ..Start::default()
        }),
        ..AppProps::default()
    }
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// The button whose text is exactly `label`.
fn button(root: &web_sys::Element, label: &str) -> web_sys::HtmlElement {
    let all = root.query_selector_all("button").unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i))
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button {label:?}"))
        .unchecked_into()
}

async fn click(el: &web_sys::HtmlElement) {
    el.click();
    yew::scheduler::flush().await;
}

fn focused_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn switching_language_rerenders_and_sets_lang() {
    with_spanish();
    let root = mount(AppProps {
        locale: Some(Locale::En),
        standalone: true,
        ..AppProps::default()
    })
    .await;
    assert_eq!(text(&root, "h1"), "Find the kind of support that suits you");
    click(&find(&root, r#"button[lang="es"]"#)).await;
    assert_eq!(
        text(&root, "h1"),
        "Encuentre el tipo de apoyo que le conviene"
    );
    assert_eq!(
        find(&root, ".signpost").get_attribute("lang").as_deref(),
        Some("es")
    );
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("es"));
}

#[wasm_bindgen_test]
async fn question_step_moves_focus_and_progress_and_requires_an_answer() {
    let root = mount(AppProps {
        locale: Some(Locale::En),
        ..AppProps::default()
    })
    .await;
    click(&button(&root, "Start the questions")).await;
    assert_eq!(text(&root, "h1"), "Question 1 of 12");
    assert_eq!(
        focused_id(),
        "sp-title",
        "focus moves to the new step's heading"
    );
    assert_eq!(text(&root, "fieldset legend"), "What brings you here?");

    // Required: Next without an answer shows an error and stays.
    click(&button(&root, "Next")).await;
    assert_eq!(text(&root, "h1"), "Question 1 of 12");
    assert_eq!(
        text(&root, "#sp-q-error"),
        "Please choose an answer to go on."
    );

    // A concern other than personal growth adds the "how long" question.
    click(&find(&root, "#sp-concerns-grief")).await;
    assert_eq!(text(&root, "h1"), "Question 1 of 13");
    assert!(
        root.query_selector("#sp-q-error").unwrap().is_none(),
        "the error clears"
    );
    click(&button(&root, "Next")).await;
    assert_eq!(text(&root, "h1"), "Question 2 of 13");
    assert_eq!(
        text(&root, "fieldset legend"),
        "How long has this been going on?"
    );
    click(&button(&root, "Back")).await;
    let grief: web_sys::HtmlInputElement = find(&root, "#sp-concerns-grief").unchecked_into();
    assert!(grief.checked(), "answers are kept when going back");
}

#[wasm_bindgen_test]
async fn a_risk_answer_shows_the_crisis_panel_at_once_and_it_stays() {
    with_directory().await;
    let mut props = at(Screen::Question("safety".into()));
    props.config = Rc::new(Config {
        crisis_contacts: [(
            "en".to_string(),
            vec![CrisisContact {
                name: "Crisis line".into(),
                phone: "988".into(),
                country: Some("US".into()),
            }],
        )]
        .into(),
        // Pinned, so the device's own time zone and languages do not matter.
        country: Some("US".into()),
        ..Config::default()
    });
    let root = mount(props).await;
    assert!(root.query_selector(".sp-crisis").unwrap().is_none());
    let slot = find(&root, ".sp-crisis-slot");
    assert_eq!(
        slot.get_attribute("aria-live").as_deref(),
        Some("assertive")
    );

    click(&find(&root, "#sp-safety-several_days")).await;
    assert_eq!(
        text(&root, ".sp-crisis h2"),
        "You do not have to face this alone"
    );
    // The emergency number first, then the clinic's line.
    assert_eq!(
        find(&root, ".sp-crisis a").get_attribute("href").as_deref(),
        Some("tel:911")
    );
    assert!(
        root.query_selector(r#".sp-crisis a[href="tel:988"]"#)
            .unwrap()
            .is_some()
    );

    // Changing the answer back does not hide it, nor does moving on.
    click(&find(&root, "#sp-safety-not_at_all")).await;
    click(&button(&root, "Next")).await;
    assert!(root.query_selector(".sp-crisis").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn results_show_reasons_and_follow_changed_answers() {
    // With English's file added, as the guide fetches it as it starts.
    with_english_prose();
    let root = mount(at(Screen::Question("wants".into()))).await;
    click(&find(&root, "#sp-wants-others")).await;
    let session_results = |root: &web_sys::Element| {
        let first = root
            .query_selector(".sp-suggestions .sp-suggestion h3")
            .unwrap()
            .unwrap();
        first.text_content().unwrap_or_default()
    };
    click(&button(&root, "Next")).await;
    // Answer the rest quickly: skip the optional questions.
    for _ in 0..3 {
        click(&button(&root, "Skip this question")).await;
    }
    assert_eq!(text(&root, "h1"), "Your results");
    assert_eq!(session_results(&root), "Peer support and support groups");
    assert!(
        text(&root, ".sp-why").contains(
            "Peer support brings together people who have lived through something similar."
        )
    );
    // Plain reasons: no raw points for visitors.
    assert!(!text(&root, ".sp-why").contains("(+"));

    // Change an answer from the results: the results follow.
    click(&find(
        &root,
        r#"button[aria-label="Change: What would you most like from support?"]"#,
    ))
    .await;
    click(&find(&root, "#sp-wants-medical")).await;
    click(&button(&root, "Back to my results")).await;
    // Medication questions start with the family doctor.
    assert_eq!(session_results(&root), "Your family doctor (GP)");

    // Start again wipes everything.
    click(&button(&root, "Start again and clear my answers")).await;
    assert_eq!(text(&root, "h1"), "Find the kind of support that suits you");
    click(&button(&root, "Start the questions")).await;
    let grief: web_sys::HtmlInputElement = find(&root, "#sp-concerns-grief").unchecked_into();
    assert!(!grief.checked());
}

/// The element's `preview.crisis` (the studio's "Show the crisis panel"):
/// the panel a risk answer adds is on top from the start; without it, not.
#[wasm_bindgen_test]
async fn the_element_preview_opens_with_the_crisis_panel() {
    let document = web_sys::window().unwrap().document().unwrap();
    for crisis in [true, false] {
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let settings = js_sys::Object::new();
        let preview = js_sys::Object::new();
        js_sys::Reflect::set(&preview, &"crisis".into(), &crisis.into()).unwrap();
        js_sys::Reflect::set(&settings, &"lang".into(), &"en".into()).unwrap();
        js_sys::Reflect::set(&settings, &"preview".into(), &preview).unwrap();
        let mut guide = ElementGuide::mount(root.clone(), &settings.into());
        started(&root).await;
        assert_eq!(text(&root, "h1"), "Find the kind of support that suits you");
        assert_eq!(
            root.query_selector(".sp-crisis-slot .sp-crisis")
                .unwrap()
                .is_some(),
            crisis
        );
        guide.destroy();
        root.remove();
    }
}

/// The custom element's Rust side: mounts with the element's settings,
/// follows a changed `lang`, and leaves nothing behind when removed.
#[wasm_bindgen_test]
async fn the_element_guide_mounts_follows_its_language_and_unmounts() {
    with_spanish();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let settings = |lang: &str| {
        let object = js_sys::Object::new();
        js_sys::Reflect::set(&object, &"lang".into(), &lang.into()).unwrap();
        wasm_bindgen::JsValue::from(object)
    };
    let html = document.document_element().unwrap();
    html.set_attribute("lang", "fr").unwrap();
    let mut guide = ElementGuide::mount(root.clone(), &settings("en"));
    started(&root).await;
    assert_eq!(text(&root, "h1"), "Find the kind of support that suits you");
    guide.update(&settings("es"));
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "h1"),
        "Encuentre el tipo de apoyo que le conviene"
    );
    assert_eq!(
        html.get_attribute("lang").as_deref(),
        Some("fr"),
        "an embedded guide leaves the host page's language alone"
    );
    guide.destroy();
    yew::scheduler::flush().await;
    assert_eq!(root.child_element_count(), 0, "nothing is left behind");
}

/// "Leave quickly" in a preview (which stays on its page, so the test can
/// watch): the link and Escape forget the session and the storage key; an
/// Escape with a modifier, or one a page script took, does nothing.
#[wasm_bindgen_test]
async fn leave_quickly_forgets_the_session_and_the_storage_key() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let root = mount(AppProps {
        preview: true,
        remember: signpost::context::Remember::Device,
        ..AppProps::default()
    })
    .await;
    let question = async |root: &web_sys::Element| {
        click(&button(root, "Start the questions")).await;
        assert!(text(root, "h1").starts_with("Question 1 of "));
        storage
            .set_item(signpost::storage::KEY, "concerns=|grief")
            .unwrap();
    };
    let welcome = "Find the kind of support that suits you";
    // A keydown of Escape, with Ctrl if `ctrl` (KeyboardEventInit is not
    // among the crate's web-sys features: built through js_sys).
    let escape = |ctrl: bool| -> web_sys::Event {
        let init = js_sys::Object::new();
        for (k, v) in [
            ("key", "Escape".into()),
            ("bubbles", true.into()),
            ("cancelable", true.into()),
            ("ctrlKey", ctrl.into()),
        ] {
            js_sys::Reflect::set(&init, &k.into(), &v).unwrap();
        }
        let ctor: js_sys::Function =
            js_sys::Reflect::get(&js_sys::global(), &"KeyboardEvent".into())
                .unwrap()
                .unchecked_into();
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"keydown".into(), &init))
            .unwrap()
            .unchecked_into()
    };

    question(&root).await;
    let link = find(&root, "a#sp-leave");
    assert_eq!(link.text_content().as_deref(), Some("Leave quickly"));
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.bbc.co.uk/weather")
    );
    click(&link).await;
    assert_eq!(text(&root, "h1"), welcome);
    assert_eq!(storage.get_item(signpost::storage::KEY).unwrap(), None);
    assert!(!find(&root, ".signpost").hidden(), "a preview stays shown");

    // Escape from inside the guide (the element listens on its root). Not
    // further: a guide mounted whole-page by another test would hear it.
    let fence =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
            e.stop_propagation()
        });
    root.add_event_listener_with_callback("keydown", fence.as_ref().unchecked_ref())
        .unwrap();
    question(&root).await;
    let inside = find(&root, "#sp-title");
    inside.dispatch_event(&escape(true)).unwrap();
    yew::scheduler::flush().await;
    assert!(
        text(&root, "h1").starts_with("Question 1 of "),
        "Ctrl+Escape is not it"
    );
    // A script on the way (here, on the heading itself) takes the key.
    let take =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
            e.prevent_default()
        });
    inside
        .add_event_listener_with_callback("keydown", take.as_ref().unchecked_ref())
        .unwrap();
    inside.dispatch_event(&escape(false)).unwrap();
    yew::scheduler::flush().await;
    assert!(
        text(&root, "h1").starts_with("Question 1 of "),
        "taken by a script"
    );
    inside
        .remove_event_listener_with_callback("keydown", take.as_ref().unchecked_ref())
        .unwrap();
    inside.dispatch_event(&escape(false)).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "h1"), welcome);
    assert_eq!(storage.get_item(signpost::storage::KEY).unwrap(), None);
    root.remove();
}
