//! The visitor's session: one reducer, every change a pure function.
//!
//! Only what the visitor did is stored (screen, answers, locale, whether a
//! risk answer was ever given); everything else, the outcome included, is
//! derived in render.

use std::rc::Rc;

use signpost_engine::{Answer, Answers, Locale};
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
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    pub locale: Locale,
    pub screen: Screen,
    /// Screens to return to with "Back" on the information pages.
    pub history: Vec<Screen>,
    pub answers: Answers,
    /// A risk answer was given at some point: the crisis panel stays on top
    /// of every later screen, even if the answer is changed, until the
    /// visitor clears everything.
    pub crisis: bool,
    /// The visitor has seen the results (questions then offer a way back).
    pub results_seen: bool,
    /// "Next" was pressed on a required question without an answer.
    pub missing_answer: bool,
    /// The visitor ticked "Remember my answers on this device".
    pub remember: bool,
    /// The country the visitor chose for crisis numbers (ISO code); `None`
    /// lets the clinic or the device decide.
    pub country: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLocale(Locale),
    /// Open a screen, remembering the current one for "Back".
    Go(Screen),
    /// Return to the previous information screen (or the start).
    Back,
    /// Record an answer; `risk` is the engine's verdict on it.
    Answer {
        question: String,
        answer: Answer,
        risk: bool,
    },
    /// "Next" was pressed without a required answer.
    MissingAnswer,
    /// Tick or untick "Remember my answers on this device".
    Remember(bool),
    /// Show crisis numbers for this country (`None`: another country).
    SetCountry(Option<String>),
    /// Clear every answer and go back to the start.
    Restart,
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLocale(locale) if locale == s.locale => return self,
            Action::SetLocale(locale) => s.locale = locale,
            Action::Go(screen) if screen == s.screen => return self,
            Action::Go(screen) => {
                if screen == Screen::Results {
                    s.results_seen = true;
                }
                let previous = std::mem::replace(&mut s.screen, screen);
                // Questions and results have their own Back; information
                // pages return to wherever they were opened from.
                s.history.push(previous);
                s.missing_answer = false;
            }
            Action::Back => {
                s.screen = s.history.pop().unwrap_or_default();
                s.missing_answer = false;
            }
            Action::Answer {
                question,
                answer,
                risk,
            } => {
                s.answers.set(question, answer);
                s.crisis |= risk;
                s.missing_answer = false;
            }
            Action::MissingAnswer => s.missing_answer = true,
            Action::Remember(remember) => s.remember = remember,
            Action::SetCountry(country) if country == s.country => return self,
            Action::SetCountry(country) => s.country = country,
            Action::Restart => {
                return Rc::new(Session {
                    locale: s.locale,
                    ..Session::default()
                });
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(s: Rc<Session>, a: Action) -> Rc<Session> {
        s.reduce(a)
    }

    #[test]
    fn set_locale_changes_only_the_locale() {
        let s = Rc::new(Session::default());
        let s2 = reduce(s.clone(), Action::SetLocale(Locale::Es));
        assert_eq!(s2.locale, Locale::Es);
        assert_eq!(s2.screen, s.screen);
        // Setting the same locale again keeps the same state (no re-render).
        let s3 = reduce(s2.clone(), Action::SetLocale(Locale::Es));
        assert!(Rc::ptr_eq(&s2, &s3));
    }

    #[test]
    fn back_returns_along_the_history_then_to_the_start() {
        let mut s = Rc::new(Session::default());
        s = reduce(s, Action::Go(Screen::Explore));
        s = reduce(s, Action::Go(Screen::Option("counselling".into())));
        s = reduce(s, Action::Back);
        assert_eq!(s.screen, Screen::Explore);
        s = reduce(s, Action::Back);
        assert_eq!(s.screen, Screen::Welcome);
        s = reduce(s, Action::Back);
        assert_eq!(s.screen, Screen::Welcome);
    }

    #[test]
    fn a_risk_answer_keeps_the_crisis_panel_until_restart() {
        let mut s = Rc::new(Session::default());
        let answer = |a: &str, risk| Action::Answer {
            question: "safety".into(),
            answer: Answer::One(a.into()),
            risk,
        };
        s = reduce(s, answer("several_days", true));
        assert!(s.crisis);
        s = reduce(s, answer("not_at_all", false));
        assert!(s.crisis, "changing the answer does not hide the contacts");
        assert_eq!(
            s.answers.get("safety"),
            Some(&Answer::One("not_at_all".into()))
        );
        s = reduce(s, Action::SetLocale(Locale::Es));
        s = reduce(s, Action::Remember(true));
        assert!(s.remember);
        s = reduce(s, Action::Restart);
        assert!(!s.crisis);
        assert!(s.answers.0.is_empty());
        assert_eq!(s.screen, Screen::Welcome);
        assert!(s.history.is_empty());
        assert_eq!(s.locale, Locale::Es, "the language survives a restart");
        assert!(!s.remember, "a restart forgets");
    }

    #[test]
    fn missing_answer_flag_clears_on_answer_or_move() {
        let mut s = Rc::new(Session::default());
        s = reduce(s, Action::MissingAnswer);
        assert!(s.missing_answer);
        s = reduce(
            s,
            Action::Answer {
                question: "impact".into(),
                answer: Answer::One("some".into()),
                risk: false,
            },
        );
        assert!(!s.missing_answer);
        s = reduce(s, Action::MissingAnswer);
        s = reduce(s, Action::Go(Screen::Results));
        assert!(!s.missing_answer);
        assert!(s.results_seen);
    }
}
