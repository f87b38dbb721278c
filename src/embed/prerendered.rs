//! Taking over a prerendered screen (index.html's welcome, its
//! first question, the same two in the custom element's shadow root)
//! without losing what the visitor did there before the WebAssembly
//! arrived: the answers they ticked, a button they pressed (queued by the
//! page's script: a screen in `data-step`, Back / Skip / Next on the first
//! question in `data-press`), and the control they were on.

use std::rc::Rc;

use signpost_engine::{Answers, Content};
use wasm_bindgen::JsCast;

use super::theme::Theme;
use crate::app::{App, AppProps};
use crate::state::{Action, Screen};

/// Whether `root` shows the crash message (web/crash.js): the guide
/// crashed while this one's content was being resolved, and its state is
/// not to be trusted; the message stays.
pub fn crashed(root: &web_sys::Element) -> bool {
    root.query_selector(".sp-panic").ok().flatten().is_some()
}

/// Mounts the guide in `root` in place of its prerendered screen.
/// `data-start="questions"` on `root` means the first question is showing
/// (its ticked answers are kept); `data-step` names a screen the visitor
/// asked for (it opens, focus on its title); otherwise focus goes back to
/// the control the visitor was on.
pub fn take_over(root: &web_sys::Element, mut props: AppProps) -> (yew::AppHandle<App>, Theme) {
    let start = Rc::make_mut(&mut props.start);
    let queued = root
        .get_attribute("data-step")
        .and_then(|s| Screen::information_from_param(&s));
    if root.get_attribute("data-start").as_deref() == Some("questions") {
        start.at_first_question = true;
        start.answers_before_start = early_answers(root, props.content.as_deref());
        start.pressed_before_start = root
            .get_attribute("data-press")
            .and_then(|step| Action::from_step(&step));
    }
    let focus = match (&queued, &start.pressed_before_start) {
        (Some(_), _) | (_, Some(_)) => Some("#sp-title".to_string()),
        _ => focused(root).map(|key| format!("[data-sp-to=\"{key}\"], [id=\"{key}\"]")),
    };
    start.open_at = queued.or(start.open_at.take());
    root.replace_children_with_node_0();
    // Taken over: the page's script queues no more clicks.
    let _ = root.remove_attribute("data-start");
    let _ = root.remove_attribute("data-step");
    let _ = root.remove_attribute("data-press");
    let theme = Theme::watch(root, props.config.clone());
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // Yew draws in a microtask queued before this one, so no frame shows an
    // empty root; then focus follows the visitor.
    let root = root.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(el) = focus
            .and_then(|s| root.query_selector(&s).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    (app, theme)
}

/// The `data-sp-to` (or id) of the focused control inside `root`, whether
/// `root` is in the document or in a shadow root.
fn focused(root: &web_sys::Element) -> Option<String> {
    let node = root.get_root_node();
    let active = match node.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => web_sys::window()?.document()?.active_element(),
    }?;
    if !root.contains(Some(active.as_ref())) {
        return None;
    }
    active
        .get_attribute("data-sp-to")
        .or_else(|| Some(active.id()))
        .filter(|key| !key.is_empty())
}

/// Answers ticked in the prerendered first question (inputs are named
/// `sp-<question>` with the answer id as value).
fn early_answers(root: &web_sys::Element, content: Option<&Content>) -> Answers {
    let mut pairs = Vec::new();
    if let Ok(inputs) = root.query_selector_all("input:checked") {
        for i in 0..inputs.length() {
            let Some(input) = inputs
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                continue;
            };
            if let Some(question) = input.name().strip_prefix("sp-") {
                pairs.push((question.to_string(), input.value()));
            }
        }
    }
    let builtin = crate::content::builtin::shared();
    let content = match (content, &builtin) {
        (Some(c), _) => c,
        (None, Ok(c)) => c,
        (None, Err(_)) => return Answers::default(),
    };
    Answers::from_pairs(content, pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())))
}
