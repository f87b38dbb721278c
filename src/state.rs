//! The visitor's session: one reducer, every change a pure function.

use std::rc::Rc;

use signpost_engine::Locale;
use yew::Reducible;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    pub locale: Locale,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    SetLocale(Locale),
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLocale(locale) if locale == self.locale => self,
            Action::SetLocale(locale) => Rc::new(Session { locale }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_locale_changes_only_the_locale() {
        let s = Rc::new(Session::default());
        let s2 = s.clone().reduce(Action::SetLocale(Locale::Es));
        assert_eq!(s2.locale, Locale::Es);
        // Setting the same locale again keeps the same state (no re-render).
        let s3 = s2.clone().reduce(Action::SetLocale(Locale::Es));
        assert!(Rc::ptr_eq(&s2, &s3));
    }
}
