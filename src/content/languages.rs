//! The built-in content's languages other than English: one file each
//! beside the guide's (`content-es-<hash>.bin`, named by the build in the
//! page's `data-languages` or the element's settings), fetched only by a
//! visitor who reads that language: before the guide starts, or when the
//! visitor switches to it; then kept in `crate::content::builtin`.

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

    /// Whether the build named a file for `locale`.
    pub fn has(&self, locale: Locale) -> bool {
        self.url(locale).is_some()
    }

    fn url(&self, locale: Locale) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, url)| url.as_str())
    }
}

/// The built-in content in `locale`: embedded, fetched already, or fetched
/// now (once, however many ask at the same time). The error says why, in
/// words for the console.
pub async fn load(locale: Locale, files: &LanguageFiles) -> Result<Rc<Content>, String> {
    if let Some(content) = crate::content::builtin::in_locale(locale) {
        return Ok(content);
    }
    complete(locale, files).await?;
    crate::content::builtin::in_locale(locale).ok_or_else(|| "not added".to_string())
}

/// Fetches `locale`'s file unless its text is here in full already (the
/// embedded English lacks the support options' pages until its file
/// arrives).
pub async fn complete(locale: Locale, files: &LanguageFiles) -> Result<(), String> {
    if crate::content::builtin::complete(locale) {
        return Ok(());
    }
    let url = files
        .url(locale)
        .ok_or_else(|| format!("this page names no file for {}", locale.autonym()))?;
    fetch_once(locale, url).await
}

/// Fetches `url` and adds it as `locale`'s text, once however many
/// guides ask while it is on its way.
async fn fetch_once(locale: Locale, url: &str) -> Result<(), String> {
    let owned = url.to_string();
    let work = async move {
        let bytes = crate::platform::fetch(&owned, &crate::platform::Deadline::start())
            .await
            .map_err(|why| format!("{owned}: {why}"))?;
        crate::content::builtin::add(locale, &bytes)
            .map(|_| ())
            .map_err(|why| format!("{owned}: {why}"))
    };
    crate::platform::once(locale.tag(), work).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_from_the_build_list() {
        let files = LanguageFiles::parse(" es=content-es-1a.bin  xx=a.bin bad ", |n| {
            format!("https://guide.example/{n}")
        });
        assert_eq!(files.0.len(), 1, "xx and bad are ignored");
        assert_eq!(
            files.url(Locale::Es),
            Some("https://guide.example/content-es-1a.bin")
        );
        assert_eq!(files.url(Locale::En), None);
    }
}
