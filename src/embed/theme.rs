//! The guide's colours on the page: the clinic's theme (checked when the
//! configuration was read) and any `--sp-*` colours the host page's own CSS
//! sets on the element, which no configuration reader saw. Whatever is in
//! use is checked the way the configuration's theme is
//! (`signpost_engine::config::contrast_checks`): a pair without the
//! contrast it needs, or that cannot be checked (write colours as
//! `#rrggbb`), gets the guide's own colours back, with a warning naming it;
//! a failing crisis-panel pair gives back all four crisis colours. Applied
//! when the guide mounts, when the element's settings change, and when the
//! device switches between light and dark. Set through the CSSOM, which a
//! CSP without 'unsafe-inline' allows (a style attribute it would not).

use std::cell::RefCell;
use std::rc::Rc;

use signpost_engine::config::{
    CRISIS_COLOURS, Config, THEME_COLOURS, contrast_checks, is_theme_colour,
};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The configuration the theme follows, shared with the listener that
/// applies it again when the colour scheme changes.
#[derive(Clone)]
pub struct Theme(Rc<RefCell<Rc<Config>>>);

impl Theme {
    /// Applies `config`'s theme to `root` now and whenever the device
    /// switches between light and dark.
    pub fn watch(root: &web_sys::Element, config: Rc<Config>) -> Theme {
        let theme = Theme(Rc::new(RefCell::new(config)));
        theme.apply(root);
        if let Some(query) = dark_query() {
            let (root, again) = (root.clone(), theme.clone());
            let on_change = Closure::<dyn Fn()>::new(move || again.apply(&root));
            let _ = query
                .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            // Lives as long as the page: a removed element's root is only
            // restyled, never shown.
            on_change.forget();
        }
        theme
    }

    /// New settings (the element's attributes changed).
    pub fn set(&self, root: &web_sys::Element, config: Rc<Config>) {
        *self.0.borrow_mut() = config;
        self.apply(root);
    }

    fn apply(&self, root: &web_sys::Element) {
        let Some(el) = root.dyn_ref::<web_sys::HtmlElement>() else {
            return;
        };
        let style = el.style();
        let dark = dark_query().is_some_and(|q| q.matches());
        // From scratch, so a scheme change or new settings leave nothing.
        for (name, ..) in THEME_COLOURS {
            let _ = style.remove_property(name);
        }
        // In dark mode the guide keeps its own palette: no one colour reads
        // well on both a light and a dark surface.
        for (name, value) in &self.0.borrow().theme {
            if !(dark && is_theme_colour(name)) {
                let _ = style.set_property(name, value);
            }
        }
        let Some(computed) =
            web_sys::window().and_then(|w| w.get_computed_style(root).ok().flatten())
        else {
            return;
        };
        let default = |name: &str| {
            THEME_COLOURS
                .iter()
                .find(|(n, ..)| *n == name)
                .map(|&(_, light, night)| {
                    let [r, g, b] = if dark { night } else { light };
                    format!("#{r:02x}{g:02x}{b:02x}")
                })
        };
        // Each round gives at least one more colour back its default, and
        // the defaults pass together, so this ends.
        for _ in THEME_COLOURS {
            // Unset (the stylesheet not applied yet, or blocked): the
            // guide's own, which it will be.
            let in_use: Vec<(String, String)> = THEME_COLOURS
                .iter()
                .map(|(n, ..)| {
                    let value = computed.get_property_value(n).unwrap_or_default();
                    let value = Some(value.trim().to_string()).filter(|v| !v.is_empty());
                    (
                        n.to_string(),
                        value.or_else(|| default(n)).unwrap_or_default(),
                    )
                })
                .collect();
            // `contrast_checks` reads the given colours as light mode's:
            // here they are whatever the page shows now.
            let failing: Vec<_> = contrast_checks(&in_use)
                .into_iter()
                .filter(|c| !c.dark && !c.ok())
                .collect();
            if failing.is_empty() {
                return;
            }
            for check in failing {
                crate::platform::warn(&format!(
                    "Signpost: the colours {} on {} ({}) do not have the contrast they need, or are not #rrggbb: the guide's own are used.",
                    check.fg, check.bg, check.what
                ));
                let crisis =
                    CRISIS_COLOURS.contains(&check.fg) || CRISIS_COLOURS.contains(&check.bg);
                let names: &[&str] = if crisis {
                    &CRISIS_COLOURS
                } else {
                    &[check.fg, check.bg]
                };
                for name in names {
                    if let Some(value) = default(name) {
                        let _ = style.set_property(name, &value);
                    }
                }
            }
        }
    }
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}
