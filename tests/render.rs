//! Native render-to-string tests: the views checked without a browser, so
//! content changes are caught by `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use signpost::context::{Clinic, Config, CrisisContact};
use signpost::state::{Screen, Start};
use signpost::{App, AppProps};
use signpost_engine::{Answers, Locale};

/// What to render; plain data, because the server renderer builds the
/// props on another thread.
#[derive(Clone, Default)]
struct Spec {
    locale: Option<Locale>,
    screen: Option<Screen>,
    answers: Vec<(&'static str, &'static str)>,
    contacts: Vec<(&'static str, &'static str)>,
    clinic: Option<Clinic>,
    /// The visitor's chosen country (server rendering has no device hints).
    country: Option<&'static str>,
    /// A country the clinic pins, and its emergency number.
    clinic_country: Option<(&'static str, Option<&'static str>)>,
}

impl Spec {
    fn props(self) -> AppProps {
        let content = signpost::content::builtin::decode().unwrap();
        let answers = Answers::from_pairs(&content, self.answers.iter().copied());
        AppProps {
            locale: self.locale,
            config: Rc::new(Config {
                clinic: self.clinic,
                crisis_contacts: [(
                    "en".to_string(),
                    self.contacts
                        .iter()
                        .map(|(name, phone)| CrisisContact {
                            name: name.to_string(),
                            phone: phone.to_string(),
                            country: Some("GB".into()),
                        })
                        .collect(),
                )]
                .into(),
                country: self.clinic_country.map(|(c, _)| c.to_string()),
                emergency_number: self.clinic_country.and_then(|(_, n)| n.map(String::from)),
                ..Config::default()
            }),
            start: Rc::new(Start {
                open_at: self.screen,
                answers_before_start: answers,
                country: self.country.map(String::from),
                ..Start::default()
            }),
            ..AppProps::default()
        }
    }
}

async fn render(spec: Spec) -> String {
    yew::ServerRenderer::<App>::with_props(move || spec.props())
        .hydratable(false)
        .render()
        .await
}

fn at(screen: Screen, answers: &[(&'static str, &'static str)], locale: Locale) -> Spec {
    Spec {
        locale: Some(locale),
        screen: Some(screen),
        answers: answers.to_vec(),
        ..Spec::default()
    }
}

const BEREAVED: &[(&str, &str)] = &[
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

#[tokio::test]
async fn welcome_renders_in_each_language_with_matching_lang() {
    // Every language: its tag (with the region Brazilian Portuguese is
    // written for), its direction (Arabic right to left), and its own
    // button pressed in the switch.
    for l in Locale::ALL {
        let html = render(Spec {
            locale: Some(l),
            ..Spec::default()
        })
        .await;
        let dir = if l == Locale::Ar { "rtl" } else { "ltr" };
        assert!(
            html.contains(&format!(
                r#"<div lang="{}" dir="{dir}" class="signpost">"#,
                l.lang()
            )),
            "{l}: {html}"
        );
        assert!(
            html.contains(&format!(r#"lang="{}" aria-pressed="true""#, l.lang())),
            "{l}: {html}"
        );
    }
    assert_eq!(Locale::Pt.lang(), "pt-BR");

    let en = render(Spec {
        locale: Some(Locale::En),
        ..Spec::default()
    })
    .await;
    assert!(
        en.contains("Find the kind of support that suits you"),
        "{en}"
    );
    assert!(en.contains("Your answers stay on this device."), "{en}");
    let es = render(Spec {
        locale: Some(Locale::Es),
        ..Spec::default()
    })
    .await;
    assert!(
        es.contains("Encuentre el tipo de apoyo que le conviene"),
        "{es}"
    );
    assert!(!es.contains("Find the kind of support"), "{es}");
    // Each language's button is named in that language.
    for l in Locale::ALL {
        assert!(
            en.contains(&format!(r#"lang="{}""#, l.lang())) && en.contains(l.autonym()),
            "{l} in the switch"
        );
    }
}

#[tokio::test]
async fn a_question_is_a_fieldset_with_a_legend_and_labelled_radios() {
    let html = render(at(
        Screen::Question("impact".into()),
        &[("concerns", "grief")],
        Locale::En,
    ))
    .await;
    assert!(html.contains(">Question 3 of 13</h1>"), "{html}");
    assert!(
        html.contains(
            r#"<legend class="sp-legend">How much does this affect your daily life?</legend>"#
        ),
        "{html}"
    );
    for (id, label) in [
        ("none", "Hardly at all"),
        ("severe", "Very much: I struggle to manage everyday things"),
    ] {
        assert!(
            html.contains(&format!(
                r#"type="radio" id="sp-impact-{id}" name="sp-impact""#
            )),
            "{html}"
        );
        assert!(
            html.contains(&format!(r#"<label for="sp-impact-{id}">{label}</label>"#)),
            "{html}"
        );
    }
    // Required: no Skip button.
    assert!(!html.contains("Skip this question"), "{html}");
}

#[tokio::test]
async fn phq4_items_keep_the_published_wording_stem_and_attribution() {
    let html = render(at(Screen::Question("phq4_3".into()), &[], Locale::Es)).await;
    assert!(
        html.contains("Poco interés o placer en hacer cosas</legend>"),
        "{html}"
    );
    assert!(html.contains("Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?"), "{html}");
    assert!(
        html.contains("Más de la mitad de los días</label>"),
        "{html}"
    );
    assert!(
        html.contains("Kroenke K, Spitzer RL, Williams JBW, Löwe B."),
        "{html}"
    );
    assert!(
        html.contains("Saltar esta pregunta"),
        "optional items can be skipped: {html}"
    );
}

#[tokio::test]
async fn results_lead_with_the_best_option_and_say_why() {
    let html = render(at(Screen::Results, BEREAVED, Locale::En)).await;
    let best = html.find("What may suit you best").expect("best section");
    let counselling = html[best..]
        .find("<h3>Counselling</h3>")
        .expect("counselling first");
    let others = html.find("Other kinds of support").expect("others section");
    assert!(best + counselling < others, "{html}");
    assert!(
        html.contains("Counselling gives you time and space to talk about a loss"),
        "{html}"
    );
    // Plain reasons: no raw points such as "(+3)" for visitors.
    assert!(
        !html.contains("(+"),
        "no points in what visitors read: {html}"
    );
    // The PHQ-4: words first, then numbers.
    let words = html.find("<strong>Mild</strong>").expect("band label");
    let numbers = html.find("Score: 4 out of 12").expect("score");
    assert!(words < numbers, "{html}");
    assert!(html.contains("This is not a diagnosis."), "{html}");
    assert!(
        !html.contains("sp-crisis\""),
        "no crisis panel without a risk answer: {html}"
    );
}

#[tokio::test]
async fn a_risk_answer_puts_crisis_contacts_on_top_of_the_results() {
    let mut answers = BEREAVED.to_vec();
    answers.retain(|(q, _)| *q != "safety");
    answers.push(("safety", "several_days"));
    let mut spec = at(Screen::Results, &answers, Locale::En);
    spec.contacts = vec![("Samaritans", "116 123")];
    let html = render(spec).await;
    let panel = html
        .find(r#"<section aria-labelledby="sp-crisis-title" class="sp-crisis">"#)
        .expect("panel");
    let results = html.find("Your results").expect("results heading");
    assert!(panel < results, "the panel comes first: {html}");
    assert!(html.contains(r#"href="tel:116123""#), "{html}");
    let best = html.find("What may suit you best").unwrap();
    let urgent = html[best..]
        .find("<h3>Urgent and crisis help</h3>")
        .unwrap();
    let counselling = html[best..].find("<h3>Counselling</h3>").unwrap();
    assert!(urgent < counselling, "urgent help leads: {html}");
}

#[tokio::test]
async fn danger_from_or_to_others_is_a_risk_answer_too() {
    let mut answers = BEREAVED.to_vec();
    answers.retain(|(q, _)| *q != "harm");
    answers.push(("harm", "someone_hurting_me"));
    let html = render(at(Screen::Results, &answers, Locale::En)).await;
    let panel = html
        .find(r#"<section aria-labelledby="sp-crisis-title" class="sp-crisis">"#)
        .expect("panel");
    assert!(panel < html.find("Your results").unwrap(), "{html}");
    assert!(
        html.contains("You said you are afraid someone may hurt you"),
        "{html}"
    );
    // Issue 23, item 4: its own words, not those about self-harm.
    let crisis = &html[panel..html.find("Your results").unwrap()];
    assert!(!crisis.contains("these thoughts"), "{crisis}");
    assert!(
        crisis.contains("Helplines for abuse and violence"),
        "{crisis}"
    );
    let best = html.find("What may suit you best").unwrap();
    let others = html.find("Other kinds of support").unwrap();
    let peer = html
        .find("<h3>Peer support and support groups</h3>")
        .unwrap();
    assert!(
        peer > others && others > best,
        "light support waits: {html}"
    );
}

#[tokio::test]
async fn the_safety_questions_have_a_gentle_lead_in_and_question_one_links_elsewhere() {
    let html = render(at(Screen::Question("safety".into()), &[], Locale::En)).await;
    assert!(
        html.contains(
            r#"<p id="sp-q-lead" class="sp-lead">We ask everyone the next two questions."#
        ),
        "{html}"
    );
    assert!(html.contains(r#"aria-describedby="sp-q-lead "#), "{html}");
    let html = render(at(Screen::Question("concerns".into()), &[], Locale::En)).await;
    let links = html
        .find(r#"<ul role="list" class="sp-links sp-no-print">"#)
        .expect("links");
    let legend = html.find("<legend").unwrap();
    assert!(links < legend, "{html}");
    for title in ["someone_else", "young_people"].map(|id| {
        signpost::content::builtin::decode()
            .unwrap()
            .audience(id)
            .unwrap()
            .title
            .get(Locale::En)
            .to_string()
    }) {
        assert!(html.contains(&title), "{title} in {html}");
    }
}

#[tokio::test]
async fn without_configured_contacts_the_panel_says_to_call_the_local_emergency_number() {
    let html = render(at(
        Screen::Welcome,
        &[("safety", "nearly_every_day")],
        Locale::Es,
    ))
    .await;
    assert!(
        html.contains("No tiene que pasar por esto a solas"),
        "{html}"
    );
    // No country known (server rendering has no device hints): the advice
    // to call the local emergency number, 112 "from any mobile phone"
    // (issue 24: every visitor gets a number to tap), and the choice.
    assert!(
        html.contains("llame ahora al número de emergencias de su zona."),
        "{html}"
    );
    assert!(html.contains("Mostrar números de"), "{html}");
    assert!(html.contains(r#"href="tel:112""#), "{html}");
    assert!(html.contains("desde cualquier móvil"), "{html}");
}

#[tokio::test]
async fn every_screen_renders_in_both_languages() {
    let content = signpost::content::builtin::decode().unwrap();
    let mut screens = vec![
        Screen::Welcome,
        Screen::Explore,
        Screen::Compare,
        Screen::Helper,
        Screen::Urgent,
        Screen::Results,
        Screen::SafetyPlan,
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
    for locale in Locale::ALL {
        for screen in &screens {
            let html = render(at(screen.clone(), BEREAVED, locale)).await;
            let h1 = html.matches("<h1").count();
            assert_eq!(h1, 1, "{screen:?} in {locale} has one h1: {html}");
            assert!(
                html.contains(r#"tabindex="-1""#),
                "{screen:?}: the heading can take focus"
            );
            assert!(
                !html.contains("{n}") && !html.contains("{name}"),
                "{screen:?}: unfilled slot"
            );
        }
    }
}

#[tokio::test]
async fn results_show_the_clinic_contact_when_configured() {
    let html = render(at(Screen::Results, BEREAVED, Locale::En)).await;
    assert!(!html.contains("sp-clinic"), "{html}");
    let mut spec = at(Screen::Results, BEREAVED, Locale::En);
    spec.clinic = Some(Clinic {
        name: "Riverside Clinic".into(),
        phone: Some("+44 20 7946 0000".into()),
        email: Some("hello@riverside.example".into()),
        web: Some("https://riverside.example/".into()),
    });
    let html = render(spec).await;
    assert!(html.contains(">Contact Riverside Clinic</h2>"), "{html}");
    assert!(html.contains(r#"href="tel:+442079460000""#), "{html}");
    assert!(
        html.contains(r#"href="mailto:hello@riverside.example""#),
        "{html}"
    );
    assert!(
        html.contains(r#"target="_blank" rel="noopener noreferrer""#),
        "{html}"
    );
}

/// Crisis contacts: issue 11's promises, rendered.
mod contacts {
    use super::*;

    fn risk(locale: Locale) -> Spec {
        at(Screen::Welcome, &[("safety", "several_days")], locale)
    }

    // Country names come from the browser (`Intl.DisplayNames`); rendered
    // natively, a country is its code.

    #[tokio::test]
    async fn an_unknown_country_gets_the_mobile_number_and_every_country_to_choose() {
        let html = render(risk(Locale::En)).await;
        assert!(
            html.contains("Choose your country below for its crisis lines."),
            "{html}"
        );
        assert!(html.contains(r#"href="tel:112""#), "{html}");
        assert!(
            html.contains(r#"<label for="sp-country-panel">Show numbers for</label>"#),
            "{html}"
        );
        assert!(html.matches("<option value=").count() >= 250, "{html}");
        assert!(html.contains(r#"<option value="NP">NP</option>"#), "{html}");
    }

    #[tokio::test]
    async fn a_country_shows_its_emergency_number_and_lines_as_links() {
        let mut spec = risk(Locale::En);
        spec.country = Some("GB");
        let html = render(spec).await;
        assert!(html.contains("Numbers for GB"), "{html}");
        assert!(html.contains("Open all day, every day"), "{html}");
        assert!(html.contains("Numbers checked on 20"), "{html}");
        for href in ["tel:999", "tel:112", "tel:116123", "sms:85258?body=SHOUT"] {
            assert!(
                html.contains(&format!(r#"href="{href}""#)),
                "{href} in {html}"
            );
        }
        assert!(html.contains("Text SHOUT to 85258"), "{html}");
        let emergency = html.find(r#"href="tel:999""#).unwrap();
        let samaritans = html.find(r#"href="tel:116123""#).unwrap();
        assert!(emergency < samaritans, "the emergency number comes first");
    }

    #[tokio::test]
    async fn a_clinic_line_adds_to_the_emergency_number_and_says_its_country() {
        let mut spec = risk(Locale::En);
        spec.contacts = vec![("Clinic crisis line", "020 7946 0000")];
        spec.clinic_country = Some(("GB", None));
        let html = render(spec).await;
        assert!(
            html.contains(r#"href="tel:999""#),
            "the emergency number stays: {html}"
        );
        assert!(html.contains(r#"href="tel:02079460000""#), "{html}");
        assert!(html.contains("Clinic crisis line"), "{html}");
        assert!(html.contains("Numbers for GB"), "{html}");
        // A pinned country: no control to change it.
        assert!(!html.contains("sp-country-panel"), "{html}");
    }

    #[tokio::test]
    async fn a_clinic_emergency_number_is_shown_for_its_country() {
        let mut spec = risk(Locale::En);
        spec.clinic_country = Some(("IE", Some("999")));
        let html = render(spec).await;
        assert!(html.contains("Numbers for IE"), "{html}");
        assert!(html.contains(r#"href="tel:999""#), "{html}");
        assert!(html.contains(r#"href="tel:112""#), "{html}");
    }

    #[tokio::test]
    async fn a_language_without_contacts_gets_the_directory_in_that_language() {
        // The clinic configured English contacts only; a Spanish visitor
        // gets Spain's numbers in Spanish, never the English list.
        let mut spec = risk(Locale::Es);
        spec.contacts = vec![("Samaritans", "116 123")];
        spec.country = Some("ES");
        let html = render(spec).await;
        assert!(html.contains("Números para ES"), "{html}");
        assert!(html.contains(r#"href="tel:112""#), "{html}");
        assert!(!html.contains(r#"href="tel:116123""#), "{html}");
    }

    /// Issue 24: the page for someone helping another person lists the
    /// country's abuse and violence lines too.
    #[tokio::test]
    async fn the_page_for_helping_someone_lists_abuse_lines() {
        let mut spec = at(Screen::Audience("someone_else".into()), &[], Locale::En);
        spec.country = Some("GB");
        let html = render(spec).await;
        assert!(html.contains(r#"href="tel:08082000247""#), "{html}");
        assert!(html.contains(r#"href="tel:999""#), "{html}");
    }

    #[tokio::test]
    async fn the_pages_about_a_child_put_young_peoples_lines_first() {
        let mut spec = at(Screen::Audience("child".into()), &[], Locale::En);
        spec.country = Some("GB");
        let html = render(spec).await;
        assert!(html.contains("For children and young people"), "{html}");
        let childline = html.find(r#"href="tel:08001111""#).expect("Childline");
        let samaritans = html.find(r#"href="tel:116123""#).unwrap();
        assert!(childline < samaritans, "{html}");
        assert!(html.contains(r#"href="tel:999""#), "{html}");
    }
}

/// Issue 23, items 4 and 5: "I may hurt someone" and "I'd rather not say"
/// each show their own words in the panel and in why urgent help leads.
#[tokio::test]
async fn each_harm_answer_and_rather_not_say_speaks_for_itself() {
    for (q, a, panel_words) in [
        ("harm", "might_hurt_someone", "move away from the person"),
        ("harm", "rather_not_say", "You did not have to answer"),
        ("safety", "rather_not_say", "You did not have to answer"),
    ] {
        let mut answers = BEREAVED.to_vec();
        answers.retain(|(x, _)| *x != q);
        answers.push((q, a));
        let html = render(at(Screen::Results, &answers, Locale::En)).await;
        let panel = html.find("sp-crisis-title").expect("the crisis panel");
        let results = html.find("Your results").unwrap();
        assert!(
            html[panel..results].contains(panel_words),
            "{q}={a}: {html}"
        );
        assert!(!html[panel..results].contains("these thoughts"), "{q}={a}");
    }
}

/// Issue 23, item 1: a partial PHQ-4 shows the band its answers already
/// reach and a flagged sub-score, though there is no total.
#[tokio::test]
async fn the_safety_plan_is_six_labelled_text_boxes_with_the_crisis_numbers() {
    let html = render(at(Screen::SafetyPlan, &[], Locale::En)).await;
    assert_eq!(html.matches("<textarea").count(), 6, "{html}");
    for i in 0..6 {
        assert!(
            html.contains(&format!(r#"<label for="sp-plan-{i}">"#)),
            "step {i} labelled"
        );
        assert!(
            html.contains(&format!(r#"aria-describedby="sp-plan-{i}-hint""#)),
            "step {i} prompt"
        );
    }
    assert!(html.contains("5. Professionals and services I can contact"));
    // The crisis numbers are in the professionals' step.
    assert!(html.contains("sp-contact--emergency"), "{html}");
    assert!(html.contains("Download plan") && html.contains("Copy plan"));
}

#[tokio::test]
async fn a_positive_short_screen_offers_the_rest_of_the_gad7_and_shows_its_score() {
    let mut answers: Vec<(&'static str, &'static str)> = BEREAVED
        .iter()
        .copied()
        .filter(|(q, _)| !q.starts_with("phq4_1") && !q.starts_with("phq4_2"))
        .collect();
    answers.extend([
        ("phq4_1", "nearly_every_day"),
        ("phq4_2", "more_than_half"),
        ("gad7_offer", "yes"),
        ("gad7_3", "several_days"),
        ("gad7_4", "several_days"),
        ("gad7_5", "not_at_all"),
        ("gad7_6", "several_days"),
        ("gad7_7", "nearly_every_day"),
    ]);
    let answers: &'static [(&'static str, &'static str)] = Box::leak(answers.into_boxed_slice());
    let offer = render(at(
        Screen::Question("gad7_offer".into()),
        answers,
        Locale::En,
    ))
    .await;
    assert!(offer.contains("Would you like to answer 5 more questions about anxiety?"));
    let results = render(at(Screen::Results, answers, Locale::En)).await;
    // 3 + 2 + 1 + 1 + 0 + 1 + 3 = 11 of 21: moderate.
    assert!(results.contains("Score: 11 out of 21"), "{results}");
    assert!(results.contains("GAD-7 (anxiety check)"));
    assert!(!results.contains("sp-mood-phq9"), "not offered, not shown");
    assert!(
        !results.contains("Trouble relaxing (PHQ-9"),
        "follow-ups not taken are not listed"
    );
    assert!(
        results.contains("Trouble relaxing (GAD-7"),
        "those taken are"
    );
    assert!(results.contains("Things you could try now"));
    assert!(results.contains("Set aside time for worries"));
}

#[tokio::test]
async fn a_partial_phq4_shows_its_floor_and_flagged_subscores() {
    let mut answers = BEREAVED.to_vec();
    answers.retain(|(q, _)| !q.starts_with("phq4_"));
    answers.extend([
        ("phq4_1", "-"),
        ("phq4_2", "nearly_every_day"),
        ("phq4_3", "nearly_every_day"),
        ("phq4_4", "nearly_every_day"),
    ]);
    let html = render(at(Screen::Results, &answers, Locale::En)).await;
    let mood = &html[html.find("How you have been feeling").expect("mood")..];
    assert!(mood.contains("already reach this level"), "{mood}");
    assert!(mood.contains("<strong>Severe</strong>"), "{mood}");
    assert!(
        mood.contains("Low mood (PHQ-2): 6 (worth a closer look)"),
        "{mood}"
    );
    assert!(
        mood.contains("Anxiety (GAD-2): at least 3 (worth a closer look)"),
        "{mood}"
    );
    assert!(
        !mood.contains("Score:"),
        "no total without every item: {mood}"
    );
}
