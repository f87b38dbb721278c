//! The built-in content's languages other than English: one file each
//! beside the guide's (`content-es-<hash>.bin`, named by the build in the
//! page's `data-languages` or the element's settings), fetched for a
//! visitor who reads that language before the guide starts, and for
//! everyone else once it has started (so what the server or the host page
//! sees is the same whichever language a visitor chooses), then kept in
//! `crate::builtin`.

use std::rc::Rc;

use signpost_engine::{Content, Locale};

/// Where each language's file is, as the build named it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LanguageFiles(Rc<[(Locale, String)]>);

impl LanguageFiles {
    /// Reads `es=content-es-1a2b.bin fr=…` (space-separated), resolving
    /// each name against `base`; unknown languages are ignored.
    pub fn parse(list: &str, base: impl Fn(&str) -> String) -> LanguageFiles {
        LanguageFiles(
            list.split_whitespace()
                .filter_map(|pair| pair.split_once('='))
                .filter_map(|(tag, name)| Some((Locale::from_tag(tag)?, base(name))))
                .collect(),
        )
    }

    fn url(&self, locale: Locale) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, url)| url.as_str())
    }

    /// The languages with a file, for fetching once the guide has started.
    pub fn locales(&self) -> impl Iterator<Item = Locale> + '_ {
        self.0.iter().map(|(l, _)| *l)
    }
}

/// The built-in content in `locale`: embedded, fetched already, or fetched
/// now (once, however many ask at the same time). The error says why, in
/// words for the console.
pub async fn load(locale: Locale, files: &LanguageFiles) -> Result<Rc<Content>, String> {
    if let Some(content) = crate::builtin::in_locale(locale) {
        return Ok(content);
    }
    let url = files
        .url(locale)
        .ok_or_else(|| format!("this page names no file for {}", locale.autonym()))?;
    fetch_once(locale, url).await?;
    crate::builtin::in_locale(locale).ok_or_else(|| format!("{url} was not added"))
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Files on their way: a second caller awaits the same promise.
    static FETCHING: std::cell::RefCell<Vec<(Locale, js_sys::Promise)>> = Default::default();
}

#[cfg(target_arch = "wasm32")]
async fn fetch_once(locale: Locale, url: &str) -> Result<(), String> {
    use super::replacement::{Fetch, deadline, fetch};
    use wasm_bindgen::JsValue;

    let promise = FETCHING.with_borrow_mut(|fetching| {
        if let Some((_, promise)) = fetching.iter().find(|(l, _)| *l == locale) {
            return promise.clone();
        }
        let url = url.to_string();
        let promise = wasm_bindgen_futures::future_to_promise(async move {
            let added = match fetch(&url, &deadline()).await {
                Ok(bytes) => crate::builtin::add(locale, &bytes).map(|_| ()),
                Err(Fetch::Status(status)) => Err(format!("HTTP {status}")),
                Err(Fetch::TooLarge) => Err("too large".into()),
                Err(Fetch::Failed) => Err("could not be fetched".into()),
            };
            // Settled: from now on `in_locale` answers, or a retry fetches again.
            FETCHING.with_borrow_mut(|f| f.retain(|(l, _)| *l != locale));
            added
                .map(|()| JsValue::UNDEFINED)
                .map_err(|why| JsValue::from_str(&format!("{url}: {why}")))
        });
        fetching.push((locale, promise.clone()));
        promise
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| e.as_string().unwrap_or_default())
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch_once(_: Locale, url: &str) -> Result<(), String> {
    Err(format!("{url}: no network outside a browser"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_from_the_build_list() {
        let files = LanguageFiles::parse(" es=content-es-1a.bin  xx=a.bin bad ", |n| {
            format!("https://guide.example/{n}")
        });
        assert_eq!(files.locales().collect::<Vec<_>>(), [Locale::Es]);
        assert_eq!(
            files.url(Locale::Es),
            Some("https://guide.example/content-es-1a.bin")
        );
        assert_eq!(files.url(Locale::En), None);
    }
}
