//! The visitor's session: one reducer that makes every decision about
//! moving through the guide, with the content at hand. Components only
//! dispatch [`Action`]s and render.
//!
//! Only what the visitor did is kept (screen, answers, locale, whether a
//! risk answer was ever given); the outcome is derived by the engine when
//! the results render.
//!
//! Long (about 730 lines, half of them tests) because every navigation
//! decision is tested natively beside the reducer that makes it.

use std::collections::BTreeSet;
use std::rc::Rc;

use signpost_engine::model::QuestionKind;
use signpost_engine::{Answer, Answers, Content, Locale, is_crisis};
use yew::Reducible;

/// Which screen is showing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Welcome,
    /// Every kind of support, briefly.
    Explore,
    /// One kind of support in full, by option id.
    Option(String),
    Compare,
    /// What matters in any helper.
    Helper,
    /// A page for another audience, by id.
    Audience(String),
    /// Crisis contacts and the urgent-help option.
    Urgent,
    /// One question, by id.
    Question(String),
    Results,
    /// The visitor's safety plan (Stanley and Brown's six steps).
    SafetyPlan,
}

impl Screen {
    /// The screen as text (`explore`, `option:counselling`,
    /// `question:concerns`): the `data-sp-to` of navigation buttons, so a
    /// click on the prerendered page before the guide starts can be
    /// honoured when it does (web/ and scripts/post-build.mjs).
    pub fn param(&self) -> String {
        let (name, id) = match self {
            Screen::Welcome => ("welcome", None),
            Screen::Explore => ("explore", None),
            Screen::Option(id) => ("option", Some(id)),
            Screen::Compare => ("compare", None),
            Screen::Helper => ("helper", None),
            Screen::Audience(id) => ("audience", Some(id)),
            Screen::Urgent => ("urgent", None),
            Screen::Question(id) => ("question", Some(id)),
            Screen::Results => ("results", None),
            Screen::SafetyPlan => ("safety_plan", None),
        };
        match id {
            Some(id) => format!("{name}:{id}"),
            None => name.to_string(),
        }
    }

    /// An information page from [`Screen::param`]'s text (`?step=urgent`, a
    /// click queued before the guide started). Only information pages:
    /// questions and results follow from answers, not from an address.
    pub fn information_from_param(text: &str) -> Option<Screen> {
        let (name, id) = match text.split_once(':') {
            Some((name, id)) => (name, Some(id.to_string())),
            None => (text, None),
        };
        let screen = match (name, id) {
            ("explore", None) => Screen::Explore,
            ("option", Some(id)) => Screen::Option(id),
            ("compare", None) => Screen::Compare,
            ("helper", None) => Screen::Helper,
            ("audience", Some(id)) => Screen::Audience(id),
            ("urgent", None) => Screen::Urgent,
            ("safety_plan", None) => Screen::SafetyPlan,
            _ => return None,
        };
        Some(screen)
    }

    /// Information pages return with "Back" to wherever they were opened
    /// from; the welcome screen, the questions and the results have their
    /// own way back.
    fn is_information(&self) -> bool {
        !matches!(
            self,
            Screen::Welcome | Screen::Question(_) | Screen::Results
        )
    }
}

/// What is known when a guide starts, from which [`Session::start`]
/// decides where it opens.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Start {
    /// Open at the first question (`?step=questions`, where questions.html
    /// sends visitors).
    pub at_first_question: bool,
    /// Answers the visitor chose to keep (read only where remembering is
    /// offered): the guide reopens at their results, still remembering.
    pub remembered: Option<Answers>,
    /// The country the visitor chose for crisis numbers, kept with the
    /// answers (`Some("")`: another country).
    pub country: Option<String>,
    /// Answers ticked in the prerendered first question before the guide
    /// started: they are added to any remembered ones and the guide opens
    /// at the question answered.
    pub answers_before_start: Answers,
    /// Open at this screen, with the welcome screen to go back to: an
    /// information page asked for by `?step=` or by a click on the
    /// prerendered welcome before the guide started (and, with `answers_before_start` as
    /// the answers, any screen in component tests).
    pub open_at: Option<Screen>,
    /// Back, Skip or Next pressed on the prerendered first question before
    /// the guide started (`data-sp-step`, queued by the page's script):
    /// applied to the screen the guide opens at, as if pressed there.
    pub pressed_before_start: Option<Action>,
    /// Open with the crisis panel on top, as a risk answer shows it (the
    /// studio's preview, `preview.crisis` on the custom element). No answer
    /// is recorded, so what is suggested changes only once one is given;
    /// "Start again" clears it like any crisis.
    pub crisis: bool,
}

#[derive(Clone, Debug)]
pub struct Session {
    /// The content the answers refer to (the reducer needs the questions).
    content: Rc<Content>,
    pub locale: Locale,
    pub screen: Screen,
    /// The information pages to return to with "Back", oldest first; never
    /// holds a screen twice, so it cannot grow without bound.
    pub history: Vec<Screen>,
    pub answers: Answers,
    /// A risk answer was given at some point: the crisis panel stays on top
    /// of every later screen, even if the answer is changed, until the
    /// visitor clears everything (or the studio's preview asked for it:
    /// [`Start::crisis`]).
    pub crisis: bool,
    /// The visitor has seen the results (questions then offer a way back).
    pub results_seen: bool,
    /// "Next" was pressed on a required question without an answer.
    pub missing_answer: bool,
    /// The visitor ticked "Remember my answers on this device".
    pub remember: bool,
    /// The country the visitor chose for crisis numbers (ISO code; `""`:
    /// another country); `None` lets the clinic or the device decide.
    pub country: Option<String>,
    /// What the visitor wrote in each step of the safety plan: in memory
    /// only, never stored, gone with "Start again" or "Leave quickly".
    pub plan: Rc<[String; PLAN_STEPS]>,
}

/// The safety plan's steps (Stanley and Brown).
pub const PLAN_STEPS: usize = 6;

impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && self.locale == other.locale
            && self.screen == other.screen
            && self.history == other.history
            && self.answers == other.answers
            && self.crisis == other.crisis
            && self.results_seen == other.results_seen
            && self.missing_answer == other.missing_answer
            && self.remember == other.remember
            && self.country == other.country
            && self.plan == other.plan
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLocale(Locale),
    /// Open a screen (an information page remembers where it was opened from).
    Go(Screen),
    /// "Back": an information page returns to where it was opened from, a
    /// question to the previous question asked (or the start).
    Back,
    /// Tick (`true`) or untick an answer to the question showing.
    Choose {
        answer: String,
        checked: bool,
    },
    /// "Next" on the question showing: to the next question asked, or the
    /// results; refused with a message when a required question has no answer.
    Next,
    /// "Skip" on an optional question: recorded as skipped, then on.
    Skip,
    /// Tick or untick "Remember my answers on this device".
    Remember(bool),
    /// Show crisis numbers for this country (`Some("")`: another country).
    SetCountry(Option<String>),
    /// The visitor wrote `text` in step `step` of the safety plan.
    Plan {
        step: usize,
        text: String,
    },
    /// Clear every answer and go back to the start.
    Restart,
}

impl Action {
    /// The step button named by a prerendered question's `data-sp-step`.
    pub fn from_step(step: &str) -> Option<Action> {
        match step {
            "back" => Some(Action::Back),
            "skip" => Some(Action::Skip),
            "next" => Some(Action::Next),
            _ => None,
        }
    }
}

impl Session {
    /// A session at the welcome screen with no answers.
    pub fn new(content: Rc<Content>, locale: Locale) -> Session {
        Session {
            content,
            locale,
            screen: Screen::Welcome,
            history: Vec::new(),
            answers: Answers::default(),
            crisis: false,
            results_seen: false,
            missing_answer: false,
            remember: false,
            country: None,
            plan: Rc::default(),
        }
    }

    /// Where the guide opens, given what is known at start.
    pub fn start(content: Rc<Content>, locale: Locale, start: Start) -> Session {
        let mut s = Session::new(content, locale);
        s.remember = start.remembered.is_some();
        s.results_seen = s.remember;
        s.country = start.country;
        s.crisis = start.crisis;
        // Remembered answers keep their record of taken-back risk answers.
        s.answers = start.remembered.unwrap_or_default();
        s.crisis |= is_crisis(&s.content, &s.answers);
        for (question, answer) in start.answers_before_start.iter() {
            s.record(question.clone(), answer.clone());
        }
        let first_early = s
            .content
            .questionnaire
            .questions
            .iter()
            .find(|q| start.answers_before_start.get(&q.id).is_some())
            .map(|q| Screen::Question(q.id.clone()));
        s.screen = if let Some(screen) = start.open_at {
            if screen.is_information() {
                s.history.push(Screen::Welcome);
            }
            screen
        } else if let Some(screen) = first_early {
            screen
        } else if s.remember {
            Screen::Results
        } else if start.at_first_question {
            s.first_question()
        } else {
            Screen::Welcome
        };
        match start.pressed_before_start {
            Some(action) => Rc::new(s).reduce(action).as_ref().clone(),
            None => s,
        }
    }

    /// The screen after the question `id`: the next question asked given
    /// the answers so far, or the results. The view labels "Next" or "See
    /// my results" from it.
    pub fn after(&self, id: &str) -> Screen {
        self.content
            .next_question(Some(id), &self.answers)
            .map_or(Screen::Results, |q| Screen::Question(q.id.clone()))
    }

    /// The screen before the question `id`: the previous question asked,
    /// or the start.
    fn before(&self, id: &str) -> Screen {
        self.content
            .previous_question(id, &self.answers)
            .map_or(Screen::Welcome, |q| Screen::Question(q.id.clone()))
    }

    fn first_question(&self) -> Screen {
        self.content
            .first_question()
            .map_or(Screen::Welcome, |q| Screen::Question(q.id.clone()))
    }

    /// The one place an answer is recorded, and so the one place the crisis
    /// flag is set: once a risk answer is given it stays set.
    fn record(&mut self, question: String, answer: Answer) {
        self.answers.set(question, answer);
        self.crisis |= is_crisis(&self.content, &self.answers);
        self.missing_answer = false;
    }

    fn go(&mut self, screen: Screen) {
        if screen == Screen::Results {
            self.results_seen = true;
        }
        let previous = std::mem::replace(&mut self.screen, screen);
        if !self.screen.is_information() {
            self.history.clear();
        } else if let Some(at) = self.history.iter().position(|s| *s == self.screen) {
            // Back at a page already in the trail: return along it from there.
            self.history.truncate(at);
        } else if previous != self.screen {
            self.history.push(previous);
        }
        self.missing_answer = false;
    }
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        // The question showing, borrowed from the content (not copied).
        let content = self.content.clone();
        let question = match &self.screen {
            Screen::Question(id) => content.question(id),
            _ => None,
        };
        match action {
            Action::SetLocale(locale) => s.locale = locale,
            Action::Go(screen) => s.go(screen),
            Action::Back => match &question {
                Some(q) => {
                    let screen = s.before(&q.id);
                    s.go(screen);
                }
                None => {
                    s.screen = s.history.pop().unwrap_or_default();
                    s.missing_answer = false;
                }
            },
            Action::Choose { answer, checked } => {
                let Some(q) = question else { return self };
                let answer = if q.kind == QuestionKind::Multi {
                    let mut set = match s.answers.get(&q.id) {
                        Some(Answer::Many(set)) => set.clone(),
                        _ => BTreeSet::new(),
                    };
                    if checked {
                        set.insert(answer);
                    } else {
                        set.remove(&answer);
                    }
                    Answer::Many(set)
                } else {
                    Answer::One(answer)
                };
                s.record(q.id.clone(), answer);
            }
            Action::Next => {
                let Some(q) = question else { return self };
                let answered = s.answers.get(&q.id).is_some_and(|a| !a.is_empty());
                if q.optional || answered {
                    let screen = s.after(&q.id);
                    s.go(screen);
                } else {
                    s.missing_answer = true;
                }
            }
            Action::Skip => {
                let Some(q) = question.filter(|q| q.optional) else {
                    return self;
                };
                s.record(q.id.clone(), Answer::Skipped);
                let screen = s.after(&q.id);
                s.go(screen);
            }
            Action::Remember(remember) => s.remember = remember,
            Action::SetCountry(country) => s.country = country,
            Action::Plan { step, text } => {
                if step < PLAN_STEPS && s.plan[step] != text {
                    let mut plan = (*s.plan).clone();
                    plan[step] = text;
                    s.plan = Rc::new(plan);
                }
            }
            Action::Restart => {
                return Rc::new(Session::new(s.content, s.locale));
            }
        }
        if s == *self { self } else { Rc::new(s) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Rc<Content> {
        crate::content::builtin::shared().unwrap()
    }

    fn session() -> Rc<Session> {
        Rc::new(Session::new(content(), Locale::En))
    }

    fn at(screen: &str) -> Rc<Session> {
        let mut s = Session::new(content(), Locale::En);
        s.screen = Screen::Question(screen.into());
        Rc::new(s)
    }

    fn run(mut s: Rc<Session>, actions: impl IntoIterator<Item = Action>) -> Rc<Session> {
        for a in actions {
            s = s.reduce(a);
        }
        s
    }

    fn choose(answer: &str) -> Action {
        Action::Choose {
            answer: answer.into(),
            checked: true,
        }
    }

    fn question(id: &str) -> Screen {
        Screen::Question(id.into())
    }

    #[test]
    fn the_safety_plan_is_kept_in_memory_and_forgotten_with_everything_else() {
        let plan = |step: usize, text: &str| Action::Plan {
            step,
            text: text.into(),
        };
        let s = run(
            session(),
            [
                Action::Go(Screen::Urgent),
                Action::Go(Screen::SafetyPlan),
                plan(0, "Not sleeping"),
                plan(5, "Keys to Sam"),
            ],
        );
        assert_eq!(s.screen, Screen::SafetyPlan);
        assert_eq!(s.plan[0], "Not sleeping");
        assert_eq!(s.plan[5], "Keys to Sam");
        // Back returns to where it was opened from, the plan kept.
        let back = run(s.clone(), [Action::Back]);
        assert_eq!(back.screen, Screen::Urgent);
        assert_eq!(back.plan[0], "Not sleeping");
        // A step that does not exist changes nothing.
        let same = run(s.clone(), [plan(PLAN_STEPS, "x")]);
        assert!(Rc::ptr_eq(&same, &s));
        // Start again (and Leave quickly, which restarts) forgets it.
        let restarted = run(s, [Action::Restart]);
        assert!(restarted.plan.iter().all(String::is_empty));
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let s = run(session(), [Action::SetLocale(Locale::Es)]);
        assert_eq!(s.locale, Locale::Es);
        for a in [
            Action::SetLocale(Locale::Es),
            Action::Remember(false),
            Action::SetCountry(None),
            // Answers and Next mean nothing outside a question.
            choose("grief"),
            Action::Next,
            Action::Skip,
        ] {
            assert!(Rc::ptr_eq(&s, &s.clone().reduce(a.clone())), "{a:?}");
        }
    }

    #[test]
    fn back_returns_along_the_information_pages_then_to_the_start() {
        let s = run(
            session(),
            [
                Action::Go(Screen::Explore),
                Action::Go(Screen::Option("counselling".into())),
                Action::Back,
            ],
        );
        assert_eq!(s.screen, Screen::Explore);
        let s = run(s, [Action::Back]);
        assert_eq!(s.screen, Screen::Welcome);
        let s = run(s, [Action::Back]);
        assert_eq!(s.screen, Screen::Welcome);
    }

    #[test]
    fn the_trail_of_pages_never_grows_past_the_pages_it_holds() {
        // Explore -> an option -> Explore again, many times: Back still
        // leads to the start in a few steps.
        let mut s = run(session(), [Action::Go(Screen::Explore)]);
        for _ in 0..100 {
            s = run(
                s,
                [
                    Action::Go(Screen::Option("counselling".into())),
                    Action::Go(Screen::Urgent),
                    Action::Go(Screen::Explore),
                ],
            );
        }
        assert_eq!(s.history, [Screen::Welcome]);
        // Answering questions keeps no trail at all.
        let mut s = run(session(), [Action::Go(question("concerns"))]);
        for _ in 0..20 {
            s = run(s, [choose("grief"), Action::Next, Action::Back]);
        }
        assert!(s.history.is_empty());
    }

    #[test]
    fn next_follows_the_questionnaire_and_refuses_a_missing_required_answer() {
        let s = run(session(), [Action::Go(question("concerns")), Action::Next]);
        assert_eq!(s.screen, question("concerns"));
        assert!(s.missing_answer);
        let s = run(s, [choose("grief")]);
        assert!(!s.missing_answer, "an answer clears the message");
        let s = run(s, [Action::Next]);
        assert_eq!(s.screen, question("duration"));
        let s = run(s, [Action::Back]);
        assert_eq!(s.screen, question("concerns"));
        let s = run(s, [Action::Back]);
        assert_eq!(s.screen, Screen::Welcome);
    }

    #[test]
    fn a_multiple_choice_answer_is_ticked_and_unticked() {
        let s = run(at("concerns"), [choose("grief"), choose("growth")]);
        assert_eq!(
            s.answers.get("concerns"),
            Some(&Answer::Many(["grief".into(), "growth".into()].into()))
        );
        let s = run(
            s,
            [Action::Choose {
                answer: "grief".into(),
                checked: false,
            }],
        );
        assert_eq!(
            s.answers.get("concerns"),
            Some(&Answer::Many(["growth".into()].into()))
        );
        // A single-choice question keeps one answer.
        let s = run(at("impact"), [choose("some"), choose("a_lot")]);
        assert_eq!(s.answers.get("impact"), Some(&Answer::One("a_lot".into())));
    }

    #[test]
    fn skip_records_a_skipped_optional_question_and_moves_on() {
        let content = content();
        let optional = content
            .questionnaire
            .questions
            .iter()
            .find(|q| q.optional)
            .expect("the questionnaire has an optional question");
        let s = run(at(&optional.id), [Action::Skip]);
        assert_eq!(s.answers.get(&optional.id), Some(&Answer::Skipped));
        assert_eq!(s.screen, at(&optional.id).after(&optional.id));
        // A required question cannot be skipped.
        let s = at("impact");
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::Skip)));
    }

    #[test]
    fn a_risk_answer_keeps_the_crisis_panel_until_restart() {
        let s = run(at("safety"), [choose("several_days")]);
        assert!(s.crisis);
        let s = run(s, [choose("not_at_all")]);
        assert!(s.crisis, "changing the answer does not hide the contacts");
        assert_eq!(
            s.answers.get("safety"),
            Some(&Answer::One("not_at_all".into()))
        );
        let s = run(
            s,
            [
                Action::SetLocale(Locale::Es),
                Action::Remember(true),
                Action::Restart,
            ],
        );
        assert!(!s.crisis);
        assert!(s.answers.is_empty());
        assert_eq!(s.screen, Screen::Welcome);
        assert!(s.history.is_empty());
        assert_eq!(s.locale, Locale::Es, "the language survives a restart");
        assert!(!s.remember, "a restart forgets");
    }

    #[test]
    fn results_seen_is_set_on_reaching_the_results() {
        let s = run(at("impact"), [Action::Next]);
        assert!(s.missing_answer);
        let s = run(s, [Action::Go(Screen::Results)]);
        assert!(!s.missing_answer);
        assert!(s.results_seen);
    }

    #[test]
    fn a_step_pressed_before_the_guide_started_is_applied_to_the_first_question() {
        let start = |early: &[(&str, &str)], step: &str| {
            Session::start(
                content(),
                Locale::En,
                Start {
                    at_first_question: true,
                    answers_before_start: answers(early),
                    pressed_before_start: Action::from_step(step),
                    ..Start::default()
                },
            )
        };
        let s = start(&[("concerns", "grief")], "next");
        assert_eq!(s.screen, s.after("concerns"));
        assert_ne!(s.screen, question("concerns"));
        // Nothing ticked: the same refusal as a press after the start.
        let s = start(&[], "next");
        assert_eq!(s.screen, question("concerns"));
        assert!(s.missing_answer);
        assert_eq!(start(&[], "back").screen, Screen::Welcome);
        assert_eq!(start(&[], "press").screen, question("concerns"));
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        Answers::from_pairs(&content(), pairs.iter().copied())
    }

    #[test]
    fn start_opens_at_the_welcome_the_first_question_or_the_results() {
        let start = |start| Session::start(content(), Locale::En, start);
        let s = start(Start::default());
        assert_eq!((s.screen.clone(), s.remember), (Screen::Welcome, false));
        let s = start(Start {
            at_first_question: true,
            ..Start::default()
        });
        assert_eq!(s.screen, question("concerns"));
        // Remembered answers: back at the results, still remembered, with
        // the crisis panel if any of them was a risk answer.
        let s = start(Start {
            at_first_question: true,
            remembered: Some(answers(&[("impact", "a_lot"), ("safety", "several_days")])),
            country: Some("GB".into()),
            ..Start::default()
        });
        assert_eq!(s.screen, Screen::Results);
        assert!(s.remember && s.results_seen && s.crisis);
        assert_eq!(s.country.as_deref(), Some("GB"));
    }

    #[test]
    fn an_early_answer_in_questions_html_keeps_the_remembered_ones() {
        let s = Session::start(
            content(),
            Locale::En,
            Start {
                at_first_question: true,
                remembered: Some(answers(&[("concerns", "grief"), ("impact", "a_lot")])),
                answers_before_start: answers(&[("concerns", "growth")]),
                ..Start::default()
            },
        );
        assert!(s.remember, "the visitor's choice to be remembered stays");
        assert_eq!(s.screen, question("concerns"));
        let expected = answers(&[("concerns", "growth"), ("impact", "a_lot")]);
        assert!(s.answers.iter().eq(expected.iter()));
    }

    #[test]
    fn a_screen_survives_its_text_form_and_only_information_pages_are_read() {
        let content = content();
        let mut screens = vec![
            Screen::Explore,
            Screen::Compare,
            Screen::Helper,
            Screen::Urgent,
        ];
        screens.extend(content.options.iter().map(|o| Screen::Option(o.id.clone())));
        screens.extend(
            content
                .audiences
                .iter()
                .map(|a| Screen::Audience(a.id.clone())),
        );
        for screen in screens {
            assert_eq!(
                Screen::information_from_param(&screen.param()),
                Some(screen.clone())
            );
        }
        for text in [
            "welcome",
            "results",
            "question:safety",
            "option",
            "urgent:x",
            "",
        ] {
            assert_eq!(Screen::information_from_param(text), None, "{text:?}");
        }
        // A page opened directly goes back to the start.
        let s = Rc::new(Session::start(
            content,
            Locale::En,
            Start {
                open_at: Some(Screen::Urgent),
                ..Start::default()
            },
        ));
        assert_eq!(s.screen, Screen::Urgent);
        assert_eq!(run(s, [Action::Back]).screen, Screen::Welcome);
    }

    /// Issue 23, item 3: changing a risk answer back keeps the crisis in
    /// the session and in what is scored; "Start again" clears both.
    #[test]
    fn a_risk_answer_taken_back_stays_in_the_scoring_until_restart() {
        let mut s = Rc::new(Session::new(content(), Locale::En));
        s = s.reduce(Action::Go(question("safety")));
        s = s.reduce(Action::Choose {
            answer: "several_days".into(),
            checked: true,
        });
        s = s.reduce(Action::Choose {
            answer: "not_at_all".into(),
            checked: true,
        });
        assert!(s.crisis);
        let outcome = signpost_engine::score(&s.content, &s.answers);
        assert!(outcome.crisis && outcome.ranked[0].option.urgent);
        s = s.reduce(Action::Restart);
        assert!(!s.crisis);
        assert!(!signpost_engine::score(&s.content, &s.answers).crisis);
    }

    #[test]
    fn an_early_risk_answer_shows_the_crisis_panel() {
        let s = Session::start(
            content(),
            Locale::En,
            Start {
                answers_before_start: answers(&[("safety", "several_days")]),
                ..Start::default()
            },
        );
        assert!(s.crisis);
        assert_eq!(s.screen, question("safety"));
    }

    #[test]
    fn a_crisis_preview_shows_the_panel_and_records_nothing() {
        let s = Session::start(
            content(),
            Locale::En,
            Start {
                crisis: true,
                ..Start::default()
            },
        );
        assert!(s.crisis);
        assert!(s.answers.is_empty(), "no answer is made up");
        assert_eq!(s.screen, Screen::Welcome);
        let s = run(Rc::new(s), [Action::Restart]);
        assert!(!s.crisis, "Start again clears it");
    }
}
