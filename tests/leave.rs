//! "Leave quickly" rendered natively: on every screen, in both languages,
//! first in the header (so first for Tab), with the clinic's neutral
//! address or the default, a hint that Escape does the same, and on the
//! crisis screens too. What it does in a browser: tests/e2e/leave.spec.mjs.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use signpost::context::Config;
use signpost::state::{Screen, Start};
use signpost::{App, AppProps};
use signpost_engine::config::DEFAULT_EXIT_URL;
use signpost_engine::{Answers, Locale};

async fn render(
    screen: Screen,
    answers: &'static [(&'static str, &'static str)],
    locale: Locale,
    exit_url: Option<&'static str>,
) -> String {
    yew::ServerRenderer::<App>::with_props(move || {
        let content = signpost::content::builtin::decode().unwrap();
        AppProps {
            locale: Some(locale),
            config: Rc::new(Config {
                exit_url: exit_url.map(String::from),
                ..Config::default()
            }),
            start: Rc::new(Start {
                open_at: Some(screen),
                answers_before_start: Answers::from_pairs(&content, answers.iter().copied()),
                ..Start::default()
            }),
            ..AppProps::default()
        }
    })
    .hydratable(false)
    .render()
    .await
}

const CALM: &[(&str, &str)] = &[
    ("concerns", "grief"),
    ("duration", "months"),
    ("impact", "some"),
    ("phq4_1", "several_days"),
    ("phq4_2", "several_days"),
    ("phq4_3", "several_days"),
    ("phq4_4", "several_days"),
    ("safety", "not_at_all"),
    ("harm", "no"),
    ("wants", "talk"),
];
/// The same with a risk answer: the crisis panel is on top.
const RISK: &[(&str, &str)] = &[
    ("concerns", "grief"),
    ("duration", "months"),
    ("impact", "some"),
    ("phq4_1", "several_days"),
    ("phq4_2", "several_days"),
    ("phq4_3", "several_days"),
    ("phq4_4", "several_days"),
    ("safety", "more_than_half"),
    ("harm", "no"),
    ("wants", "talk"),
];

/// The control's markup: a link to the neutral page, described by the hint.
fn link(url: &str) -> String {
    format!(
        r#"<a id="sp-leave" href="{url}" rel="noreferrer nofollow" data-sp-leave="" aria-describedby="sp-leave-hint" aria-keyshortcuts="Escape" class="sp-leave__link">"#
    )
}

#[tokio::test]
async fn every_screen_has_leave_quickly_first_in_its_header_in_both_languages() {
    let content = signpost::content::builtin::decode().unwrap();
    let mut screens = vec![
        Screen::Welcome,
        Screen::Explore,
        Screen::Compare,
        Screen::Helper,
        Screen::Urgent,
        Screen::Results,
    ];
    screens.extend(content.options.iter().map(|o| Screen::Option(o.id.clone())));
    screens.extend(
        content
            .audiences
            .iter()
            .map(|a| Screen::Audience(a.id.clone())),
    );
    screens.extend(
        content
            .questionnaire
            .questions
            .iter()
            .map(|q| Screen::Question(q.id.clone())),
    );
    let words = [
        (Locale::En, "Leave quickly", "or press Esc"),
        (Locale::Es, "Salir rápido", "o pulse Esc"),
    ];
    for (locale, label, hint) in words {
        for screen in &screens {
            for answers in [CALM, RISK] {
                let html = render(screen.clone(), answers, locale, None).await;
                let header = html.find(r#"<header class="sp-header"#).expect("header");
                let leave = html
                    .find(&link(DEFAULT_EXIT_URL))
                    .unwrap_or_else(|| panic!("{screen:?} in {locale}: no Leave quickly: {html}"));
                // First in the header: nothing focusable between them.
                let between = &html[header..leave];
                assert!(
                    !between.contains("<button") && !between.contains("<a "),
                    "{screen:?}: Leave quickly is the header's first control: {html}"
                );
                assert!(
                    html[leave..].starts_with(&format!("{}{label}</a>", link(DEFAULT_EXIT_URL))),
                    "{screen:?} in {locale}: its label: {html}"
                );
                assert!(
                    html.contains(&format!(
                        r#"<span id="sp-leave-hint" class="sp-leave__hint">{hint}</span>"#
                    )),
                    "{screen:?} in {locale}: the Escape hint: {html}"
                );
                assert_eq!(
                    html.matches(r#"id="sp-leave""#).count(),
                    1,
                    "{screen:?}: once"
                );
                if answers == RISK && *screen != Screen::Welcome {
                    // The crisis screens keep it above the panel.
                    let panel = html.find("sp-crisis\"").expect("crisis panel");
                    assert!(leave < panel, "{screen:?}: above the crisis panel");
                }
            }
        }
    }
}

#[tokio::test]
async fn the_clinics_neutral_address_is_the_links_target() {
    let html = render(
        Screen::Urgent,
        CALM,
        Locale::En,
        Some("https://neutral.example/weather?city=leeds"),
    )
    .await;
    assert!(
        html.contains(&link("https://neutral.example/weather?city=leeds")),
        "{html}"
    );
    assert!(!html.contains(DEFAULT_EXIT_URL), "{html}");
}
