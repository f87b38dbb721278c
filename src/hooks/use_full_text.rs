use signpost_engine::Locale;
use yew::prelude::*;

use crate::content::languages::{LanguageFiles, complete};

/// The text of `locale` in full: the embedded English lacks the support
/// options' pages (`Content::defer_prose`), so its file is fetched as the
/// guide starts, the same request for every English visitor and before
/// they do anything; the guide re-renders when it arrives. Returns whether
/// it failed (offline on a first visit): the pages it fills then say so.
#[hook]
pub fn use_full_text(locale: Locale, files: LanguageFiles, builtin: bool) -> bool {
    let arrived = use_state_eq(|| 0u32);
    let failed = use_state_eq(|| false);
    {
        let (arrived, failed) = (arrived.clone(), failed.clone());
        use_effect_with((locale, builtin), move |&(locale, builtin)| {
            if builtin && !crate::content::builtin::complete(locale) && files.has(locale) {
                yew::platform::spawn_local(async move {
                    match complete(locale, &files).await {
                        Ok(()) => arrived.set(*arrived + 1),
                        Err(why) => {
                            crate::platform::error(&format!(
                                "Signpost: the rest of the {} text could not be loaded ({why})",
                                locale.autonym()
                            ));
                            failed.set(true);
                        }
                    }
                });
            }
        });
    }
    *failed && !crate::content::builtin::complete(locale)
}
