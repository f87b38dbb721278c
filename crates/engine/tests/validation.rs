//! Loading and validation: each kind of problem gets a precise path and a
//! plain message; no input makes the loader panic.

mod common;

use common::{load_edited, replace_once};
use proptest::prelude::*;
use signpost_engine::{Source, load};

fn problems_of(result: Result<signpost_engine::Content, signpost_engine::Problems>) -> String {
    match result {
        Ok(_) => panic!("the edited content was accepted"),
        Err(p) => p.to_string(),
    }
}

fn assert_mentions(problems: &str, needle: &str) {
    assert!(
        problems.contains(needle),
        "expected {needle:?} in:\n{problems}"
    );
}

#[test]
fn the_builtin_content_is_valid() {
    let content = common::content();
    // The built-in content speaks every language the guide knows.
    let tags: Vec<&str> = signpost_engine::Locale::ALL
        .iter()
        .map(|l| l.tag())
        .collect();
    assert_eq!(content.locales, tags);
    // At most 13 for everyone; the follow-ups only after a positive screen.
    let everyone = content
        .questionnaire
        .questions
        .iter()
        .filter(|q| !content.is_follow_up(q));
    assert!(everyone.count() <= 13);
    assert!(content.options.len() >= 7);
}

#[test]
fn unknown_support_option_in_a_weight() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "option = \"counselling\"\npoints = 3",
            "option = \"counseling\"\npoints = 3",
        )
    }));
    assert_mentions(
        &p,
        "questionnaire.questions[0].answers[0].weights[0].option: unknown support option \"counseling\"",
    );
}

#[test]
fn missing_translation() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(t, ", es = \"Un duelo o una pérdida\"", "")
    }));
    assert_mentions(
        &p,
        "questionnaire.questions[0].answers[1].label: missing Spanish (es) text",
    );
}

#[test]
fn empty_translation() {
    let p = problems_of(load_edited("guide.toml", |t| {
        replace_once(t, "es = \"Idioma\"", "es = \"  \"")
    }));
    assert_mentions(&p, "ui.language: the Spanish (es) text is empty");
}

#[test]
fn a_missing_or_unknown_interface_key_is_a_content_error() {
    // Every `Ui` key the views use must be in the file...
    let p = problems_of(load_edited("guide.toml", |t| {
        let line = t
            .lines()
            .find(|l| l.starts_with("see_results = "))
            .expect("guide.toml has see_results")
            .to_string();
        t.replace(&format!("{line}\n"), "")
    }));
    assert_mentions(&p, "ui.see_results: missing interface text");
    // ...and a key no view uses is a typo, not silently ignored.
    let p = problems_of(load_edited("guide.toml", |t| {
        replace_once(t, "see_results = ", "see_result = ")
    }));
    assert_mentions(&p, "ui.see_result: unknown interface text key (a typo?)");
    // The enum and the shipped file agree exactly.
    let content = common::content();
    let keys: Vec<&str> = content.ui.keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = signpost_engine::Ui::ALL.iter().map(|u| u.key()).collect();
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

#[test]
fn duplicate_id() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(t, "id = \"phq4_2\"", "id = \"phq4_1\"")
    }));
    assert_mentions(&p, "questionnaire.questions[4].id: duplicate id \"phq4_1\"");
}

#[test]
fn weight_out_of_range() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(t, "points = 6", "points = 60")
    }));
    assert_mentions(&p, "points: 60 is out of range; points go from -10 to 10");
}

#[test]
fn scale_with_no_answers() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        let start = t.find("answers = [\n  { id = \"not_at_all\"").unwrap();
        let end = start + t[start..].find("\n]\n").unwrap() + 3;
        format!("{}answers = []\n{}", &t[..start], &t[end..])
    }));
    assert_mentions(
        &p,
        "questionnaire.scales[0].answers: scale \"frequency\" has no answers",
    );
}

#[test]
fn no_crisis_option() {
    let p = problems_of(load_edited("options.toml", |t| {
        replace_once(t, "urgent = true", "urgent = false")
    }));
    assert_mentions(
        &p,
        "options: no crisis option: exactly one option must have `urgent = true`",
    );
}

#[test]
fn no_safety_question() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        let t = replace_once(t, "safety = true\nsafe_answer = \"not_at_all\"\n", "");
        replace_once(&t, "safety = true\nsafe_answer = \"no\"\n", "")
    }));
    assert_mentions(&p, "no safety question");
    // Their crisis reasons are now misplaced too.
    assert_mentions(
        &p,
        "questionnaire.questions[20].crisis_reason: only the safety question has a crisis reason",
    );
}

#[test]
fn unknown_question_in_a_condition() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "show_if = { question = \"concerns\"",
            "show_if = { question = \"concern\"",
        )
    }));
    assert_mentions(
        &p,
        "questionnaire.questions[1].show_if.question: unknown question \"concern\"",
    );
}

#[test]
fn unknown_answer_in_a_condition() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "any_of = [\"relationships\"",
            "any_of = [\"relationship\"",
        )
    }));
    assert_mentions(
        &p,
        "questionnaire.questions[1].show_if.any_of[0]: question \"concerns\" has no answer \"relationship\"",
    );
}

#[test]
fn conditions_that_form_a_cycle() {
    // concerns -> duration -> concerns
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "id = \"concerns\"\nkind = \"multi\"\n",
            "id = \"concerns\"\nkind = \"multi\"\nshow_if = { question = \"duration\", any_of = [\"recent\"] }\n",
        )
    }));
    assert_mentions(
        &p,
        "conditions form a cycle: concerns -> duration -> concerns",
    );
}

#[test]
fn a_band_gap_is_reported() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(t, "id = \"mild\"\nmin = 3", "id = \"mild\"\nmin = 4")
    }));
    assert_mentions(
        &p,
        "questionnaire.instruments[0].bands: no band covers a total of 3",
    );
}

#[test]
fn overlapping_bands_are_reported() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "id = \"none\"\nmin = 0\nmax = 2",
            "id = \"none\"\nmin = 0\nmax = 3",
        )
    }));
    assert_mentions(&p, "2 bands cover a total of 3");
}

#[test]
fn unknown_key_is_an_error_not_ignored() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "id = \"concerns\"\n",
            "id = \"concerns\"\noptionl = true\n",
        )
    }));
    assert_mentions(&p, "content/questionnaire.toml: unknown field `optionl`");
}

#[test]
fn wrong_type_names_the_file_key_and_line() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(t, "flag_at = 3", "flag_at = \"three\"")
    }));
    assert_mentions(
        &p,
        "content/questionnaire.toml: invalid type: string \"three\"",
    );
    assert_mentions(&p, "line");
}

#[test]
fn wrong_schema_version() {
    let p = problems_of(load_edited("guide.toml", |t| {
        replace_once(t, "schema_version = 3", "schema_version = 4")
    }));
    assert_mentions(
        &p,
        "content/guide.toml: schema_version: version 4 is not supported; this guide reads version 3",
    );
}

#[test]
fn a_key_defined_in_two_files() {
    let p = problems_of(load_edited("options.toml", |t| {
        format!("locales = [\"en\"]\n{t}")
    }));
    assert_mentions(
        &p,
        "content/options.toml: locales: `locales` is already defined in content/guide.toml",
    );
}

#[test]
fn too_many_questions() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        let extra = "\n[[questionnaire.questions]]\nid = \"extra\"\nkind = \"scale\"\nscale = \"frequency\"\ntext = { en = \"x\", es = \"x\" }\n";
        let at = t.find("# The PHQ-4 (Kroenke").unwrap();
        format!("{}{}{}", &t[..at], extra, &t[at..])
    }));
    assert_mentions(&p, "14 questions; at most 13");
}

#[test]
fn all_problems_are_reported_at_once() {
    let p = load_edited("questionnaire.toml", |t| {
        let t = replace_once(t, "option = \"psychiatry\"", "option = \"psychiatrist\"");
        replace_once(&t, "points = 6", "points = 11")
    })
    .unwrap_err();
    assert!(p.len() >= 2, "{p}");
}

#[test]
fn malformed_rules_are_reported_with_their_paths() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        let t = replace_once(
            t,
            "when = { band = { instrument = \"phq4\", band = \"mild\" } }",
            "when = { band = { instrument = \"phq4\", band = \"medium\" } }",
        );
        let t = replace_once(
            &t,
            "{ is = { question = \"impact\", answer = \"severe\" } },\n] }\nhold_back",
            "{ is = { question = \"concerns\", answer = \"severe\" } },\n] }\nhold_back",
        );
        let t = replace_once(
            &t,
            "{ is = { question = \"impact\", answer = \"a_lot\" } },\n] }\nhold_back = [\"coaching\", \"peer_support\"]",
            "{ not_completed = \"phq99\" },\n] }\nhold_back = [\"coaching\", \"peer_support\"]",
        );
        let t = replace_once(
            &t,
            "exclude = [\"coaching\", \"guided_self_help\", \"peer_support\"]",
            "exclude = [\"coaching\", \"urgent_help\", \"peer\"]",
        );
        replace_once(
            &t,
            "{ includes = { question = \"concerns\", answer = \"trauma\" } },\n  { any_of = { question = \"duration\", answers = [\"months\"",
            "{ includes = { question = \"concerns\", answer = \"truama\" } },\n  { any_of = { question = \"duration\", answers = [\"monthz\"",
        )
    }));
    for expected in [
        "questionnaire.rules[0].when.band.band: instrument \"phq4\" has no band \"medium\"",
        "questionnaire.rules[3].when.any[4].is: \"concerns\" is a multiple-choice question: use `includes`",
        "questionnaire.rules[3].when.any[4].is.answer: question \"concerns\" has no answer \"severe\"",
        "questionnaire.rules[4].when.any[3].not_completed: unknown instrument \"phq99\"",
        "questionnaire.rules[12].exclude[1]: the crisis option is placed by the safety questions, not by rules",
        "questionnaire.rules[12].exclude[2]: unknown support option \"peer\"",
        "questionnaire.rules[7].when.all[0].includes.answer: question \"concerns\" has no answer \"truama\"",
        "questionnaire.rules[7].when.all[1].any_of.answers[0]: question \"duration\" has no answer \"monthz\"",
    ] {
        assert_mentions(&p, expected);
    }
}

#[test]
fn a_condition_names_exactly_one_test() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "when = { band = { instrument = \"phq4\", band = \"mild\" } }",
            "when = { band = { instrument = \"phq4\", band = \"mild\" }, risk = true }",
        )
    }));
    assert_mentions(
        &p,
        "a condition names exactly one test (is, includes, any_of, band, flag, not_completed, risk, all, any or not); this one names band and risk",
    );
}

#[test]
fn a_rule_that_excludes_needs_a_caution_and_a_rule_must_do_something() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        let at = t.find("id = \"risk\"\nwhen").unwrap();
        let end = at + t[at..].find("[[questionnaire.rules.weights]]").unwrap();
        let rule = &t[at..end];
        let cut = rule.find("caution.en").unwrap();
        let t = format!("{}{}{}", &t[..at], &rule[..cut], &t[end..]);
        replace_once(&t, "hold_back = [\"psychiatry\"]\n", "")
    }));
    assert_mentions(
        &p,
        "questionnaire.rules[12].caution: a rule that keeps options out of the best suggestions needs a caution",
    );
    assert_mentions(&p, "questionnaire.rules[9]: the rule does nothing");
}

#[test]
fn malformed_safeguards_are_reported_with_their_paths() {
    let p = problems_of(load_edited("safeguards.toml", |t| {
        let t = replace_once(t, "never_best = [\"coaching\"", "never_best = [\"coachin\"");
        let t = replace_once(&t, "never_leads = [\"psychiatry\"]\n", "");
        replace_once(
            &t,
            "{ risk = false },",
            "{ flag = { instrument = \"phq4\", subscale = \"gad7\" } },",
        )
    }));
    assert_mentions(
        &p,
        "safeguards[0].never_best[0]: unknown support option \"coachin\"",
    );
    assert_mentions(&p, "safeguards[3]: the safeguard promises nothing");
    assert_mentions(
        &p,
        "safeguards[4].when.all[3].flag.subscale: instrument \"phq4\" has no subscale \"gad7\"",
    );
}

#[test]
fn question_links_must_name_audience_pages() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(
            t,
            "links = [\"someone_else\", \"young_people\"]",
            "links = [\"someone\"]",
        )
    }));
    assert_mentions(
        &p,
        "questionnaire.questions[0].links[0]: unknown audience page \"someone\"",
    );
}

#[test]
fn huge_and_deeply_nested_files_are_refused_before_parsing() {
    let huge = "a = 1\n".repeat(300_000);
    let p = load(&[Source {
        name: "huge.toml",
        text: &huge,
    }])
    .unwrap_err();
    assert!(p.mentions("huge.toml: the file is"), "{p}");

    let deep = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let p = load(&[Source {
        name: "deep.toml",
        text: &deep,
    }])
    .unwrap_err();
    assert!(
        p.mentions("deep.toml: line 1: brackets are nested more than 32 deep"),
        "{p}"
    );

    let deep_tables = format!("a = {}1{}", "{ b = ".repeat(10_000), " }".repeat(10_000));
    assert!(
        load(&[Source {
            name: "t.toml",
            text: &deep_tables
        }])
        .is_err()
    );
}

#[test]
fn empty_and_garbage_input() {
    assert!(
        load(&[])
            .unwrap_err()
            .mentions("no content file defines `options`")
    );
    assert!(
        load(&[Source {
            name: "x",
            text: ""
        }])
        .is_err()
    );
    assert!(
        load(&[Source {
            name: "x",
            text: "\u{0}\u{1}[[["
        }])
        .is_err()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, .. ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in ".{0,400}") {
        let _ = load(&[Source { name: "random.toml", text: &text }]);
    }

    /// The real content with bytes deleted, duplicated or replaced: the
    /// loader returns problems or content, never a panic.
    #[test]
    fn mutated_content_never_panics(
        file in 0usize..4,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..8),
    ) {
        let sources = signpost_engine::builtin_sources();
        let mut text: Vec<char> = sources[file].text.chars().collect();
        for (at, kind, c) in edits {
            if text.is_empty() { break; }
            let i = at.index(text.len());
            match kind {
                0 => { text.remove(i); }
                1 => { let c = text[i]; text.insert(i, c); }
                _ => text[i] = c,
            }
        }
        let text: String = text.into_iter().collect();
        let mut edited = sources.to_vec();
        edited[file] = Source { name: sources[file].name, text: &text };
        let _ = load(&edited);
    }
}

#[test]
fn huge_scale_values_are_refused_without_walking_every_total() {
    // Crafted content: totals up to 4 billion. Checking the bands must not
    // visit each total (the checker would freeze); it must say what is wrong.
    // The channel only stops a regression from hanging the test run.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = load_edited("questionnaire.toml", |t| {
            let t = replace_once(
                t,
                "id = \"nearly_every_day\", value = 3",
                "id = \"nearly_every_day\", value = 1000000000",
            );
            replace_once(&t, "min = 9\nmax = 12", "min = 9\nmax = 4000000000")
        });
        let _ = tx.send(problems_of(result));
    });
    let p = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("validation finished");
    assert_mentions(&p, "value 1000000000 is above 100");
}

#[test]
fn band_gaps_and_overlaps_are_reported_as_ranges() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(t, "min = 9\nmax = 12", "min = 11\nmax = 12")
    }));
    assert_mentions(&p, "no band covers the totals 9-10");
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        replace_once(t, "min = 6\nmax = 8", "min = 4\nmax = 10")
    }));
    assert_mentions(&p, "2 bands cover the totals 4-5");
    assert_mentions(&p, "2 bands cover the totals 9-10");
}

/// Issue 23's content: unscored answers outside a scale only on a safety
/// question and never with weights; crisis words and abuse-first only on a
/// safety question's risk answers.
#[test]
fn crisis_words_and_unscored_answers_are_checked() {
    let p = problems_of(load_edited("questionnaire.toml", |t| {
        let t = replace_once(
            t,
            "id = \"rather_not_say\"\n",
            "id = \"rather_not_say\"\nweights = [{ option = \"counselling\", points = 1, reason = { en = \"x\", es = \"x\" } }]\n",
        );
        let t = replace_once(
            &t,
            "id = \"no\"\nlabel = { en = \"No\",",
            "id = \"no\"\nabuse_lines_first = true\nlabel = { en = \"No\",",
        );
        replace_once(
            &t,
            "id = \"phq4_1\"\nkind = \"scale\"\nscale = \"frequency\"",
            "id = \"phq4_1\"\nkind = \"scale\"\nscale = \"frequency\"\ncrisis_text = { en = \"x\", es = \"x\" }\nanswers = [{ id = \"dunno\", label = { en = \"x\", es = \"x\" } }]",
        )
    }));
    for expected in [
        "questionnaire.questions[20].answers[0].weights: an answer outside the scale is not scored",
        "questionnaire.questions[21].answers[0].abuse_lines_first: the safe answer shows no crisis panel",
        "questionnaire.questions[3].answers: a scale question takes its answers from its scale; only a safety question may add its own",
        "questionnaire.questions[3].crisis_text: only the safety question has a crisis text",
    ] {
        assert_mentions(&p, expected);
    }
}
