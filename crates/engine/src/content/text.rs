//! Text in every locale the content declares.

use std::cell::Cell;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::Locale;

thread_local! {
    /// While set, [`Text`] and [`TextList`] serialize this locale only
    /// ([`only`]): how one language's content file is written.
    static ONLY: Cell<Option<Locale>> = const { Cell::new(None) };
}

/// Runs `f` with every [`Text`] and [`TextList`] serializing `locale`'s
/// entry alone (compiled::to_bytes_in). The types decide what is text, so
/// no other map is touched.
pub(crate) fn only<R>(locale: Locale, f: impl FnOnce() -> R) -> R {
    struct Reset(Option<Locale>);
    impl Drop for Reset {
        fn drop(&mut self) {
            ONLY.set(self.0);
        }
    }
    let _reset = Reset(ONLY.replace(Some(locale)));
    f()
}

/// A locale map, restricted to [`only`]'s locale while one is set. The
/// entries are collected first: postcard needs a map's length up front.
fn serialize_locales<V: Serialize, S: Serializer>(
    map: &BTreeMap<String, V>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match ONLY.get() {
        None => serializer.collect_map(map),
        Some(locale) => {
            let kept: Vec<_> = map.iter().filter(|(k, _)| *k == locale.tag()).collect();
            serializer.collect_map(kept)
        }
    }
}

/// One piece of text, written once per locale: `{ en = "...", es = "..." }`.
///
/// Validation guarantees that every declared locale is present and
/// non-empty, so [`Text::get`] never has to fall back in valid content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_locales(&self.0, serializer)
    }
}

impl Text {
    /// The text in `locale`, or English, or empty: a fallback for content
    /// that did not pass validation, never a panic.
    pub fn get(&self, locale: Locale) -> &str {
        self.0
            .get(locale.tag())
            .or_else(|| self.0.get(Locale::En.tag()))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    /// The text split into paragraphs at blank lines, each with its lines
    /// joined (TOML multi-line strings wrap at any width).
    pub fn paragraphs(&self, locale: Locale) -> Vec<String> {
        self.get(locale)
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// A list of short texts per locale (lists may differ in length between
/// locales, but none may be empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "toml", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct TextList(pub BTreeMap<String, Vec<String>>);

impl Serialize for TextList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_locales(&self.0, serializer)
    }
}

impl TextList {
    pub fn get(&self, locale: Locale) -> &[String] {
        self.0
            .get(locale.tag())
            .or_else(|| self.0.get(Locale::En.tag()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Text {
        Text(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn falls_back_to_english_then_empty() {
        let t = text(&[("en", " Hello ")]);
        assert_eq!(t.get(Locale::Es), "Hello");
        assert_eq!(Text::default().get(Locale::En), "");
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_unwrap_lines() {
        let t = text(&[("en", "One\nline.\n\n  Two.\n\n\n")]);
        assert_eq!(t.paragraphs(Locale::En), ["One line.", "Two."]);
    }
}
