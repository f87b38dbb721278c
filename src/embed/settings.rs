//! Settings from the page: the clinic's configuration (checked by the
//! engine, every problem logged to the console with a fallback in use) and
//! the language asked for by an attribute or the URL.

use std::rc::Rc;

use signpost_engine::Locale;
use signpost_engine::config::{Config, Severity, Value, read_config};

use crate::content::builtin;
use crate::platform as log;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// Language from the `lang` attribute or `?lang=`, else the config's.
    pub locale: Option<Locale>,
    pub config: Rc<Config>,
}

/// Reads the configuration value (JSON already parsed) and a requested
/// language, logging each problem for the integrator.
pub fn settings(lang: Option<&str>, config: Option<&Value>) -> Settings {
    let (config, problems) = match (config, builtin::shared()) {
        (Some(value), Ok(content)) => read_config(value, &content),
        // No configuration at all: only the missing crisis contacts are news.
        (None, Ok(content)) => read_config(
            &Value::Object(vec![("schema_version".into(), Value::Number(1.0))]),
            &content,
        ),
        // Without content the guide shows its error screen; nothing to check against.
        (_, Err(_)) => (Config::default(), Vec::new()),
    };
    for p in &problems {
        let line = format!("Signpost configuration {p}");
        match p.severity {
            Severity::Warning => log::warn(&line),
            Severity::Error => log::error(&line),
        }
    }
    let requested = lang.filter(|l| !l.trim().is_empty());
    let locale = match requested.map(|l| (l, Locale::from_tag(l))) {
        Some((_, Some(locale))) => Some(locale),
        Some((l, None)) => {
            log::warn(&format!(
                "Signpost: lang=\"{l}\" is not a language of this guide ({}); ignored",
                Locale::TAGS
            ));
            config.locale
        }
        None => config.locale,
    };
    Settings {
        locale,
        config: Rc::new(config),
    }
}
