//! Content compiled for the browser: validated content serialized with
//! postcard behind a small header, read back with [`super::decode`] (about
//! 4 KiB brotli in the wasm, where serde's derived readers were 13.6 and a
//! TOML parser ~84: ARCHITECTURE.md, "Content format").
//!
//! Two ways in: [`from_bytes`] validates (the native checker, and the
//! checker module crates/content-check, which the guide runs on a clinic's
//! replacement file); [`from_trusted_bytes`] does not, for the built-in
//! content that build.rs validated and proved when it compiled it, so the
//! validator stays out of the visitor's download.

use crate::Locale;
use crate::model::{Content, SCHEMA_VERSION};
use crate::problem::Problems;
use crate::validate::validate;

const MAGIC: &[u8; 4] = b"SPC\0";

/// Serializes content (normally already validated) for the browser.
pub fn to_bytes(content: &Content) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SCHEMA_VERSION.to_le_bytes());
    // Serializing plain data into a Vec cannot fail.
    out.extend(postcard::to_allocvec(content).unwrap_or_default());
    out
}

/// Serializes `content` with its text in `locale` alone: one language's
/// file, so a visitor downloads the language they read (the guide embeds
/// English and fetches the others; ARCHITECTURE.md, "Languages"). Decoded,
/// it is valid content whose only locale is `locale`.
pub fn to_bytes_in(content: &Content, locale: Locale) -> Vec<u8> {
    let mut one = content.clone();
    one.locales.retain(|l| l == locale.tag());
    crate::text::only(locale, || to_bytes(&one))
}

/// The prose [`Content::defer_prose`](crate::model::Content::defer_prose)
/// took out, in `locale` alone, behind its own header: English's file in
/// the browser.
pub fn prose_to_bytes(prose: &crate::model::DeferredProse, locale: Locale) -> Vec<u8> {
    let mut out = Vec::from(*PROSE_MAGIC);
    out.extend_from_slice(&SCHEMA_VERSION.to_le_bytes());
    out.extend(crate::text::only(locale, || {
        postcard::to_allocvec(prose).unwrap_or_default()
    }));
    out
}

/// Reads [`prose_to_bytes`]' file; `None` if it is not one of this version.
pub fn prose_from_bytes(bytes: &[u8]) -> Option<crate::model::DeferredProse> {
    let rest = bytes.strip_prefix(PROSE_MAGIC)?;
    let (version, body) = rest.split_at_checked(4)?;
    (version == SCHEMA_VERSION.to_le_bytes()).then_some(())?;
    super::decode::read_all(body).ok()
}

const PROSE_MAGIC: &[u8; 4] = b"SPP\0";

/// The crisis directory's parts of `content` (compiled content leaves them
/// out): for native builds, which read the directory from the content.
pub fn directory_to_bytes(content: &Content) -> Vec<u8> {
    let parts = crate::model::DirectoryParts {
        crisis_directory: content.crisis_directory.clone(),
        emergency_numbers: content.emergency_numbers.clone(),
        time_zones: content.time_zones.clone(),
    };
    postcard::to_allocvec(&parts).unwrap_or_default()
}

/// `content` with the parts [`directory_to_bytes`] wrote put back.
pub fn with_directory(mut content: Content, bytes: &[u8]) -> Content {
    if let Ok(parts) = postcard::from_bytes::<crate::model::DirectoryParts>(bytes) {
        content.crisis_directory = parts.crisis_directory;
        content.emergency_numbers = parts.emergency_numbers;
        content.time_zones = parts.time_zones;
    }
    content
}

/// Decodes and validates compiled content. Replacement content offers the
/// languages it is written in (the language switch lists those alone), and
/// must include English: a text missing in the language asked for by a
/// page's `lang` falls back to English, so no visitor meets empty text,
/// crisis advice included.
pub fn from_bytes(bytes: &[u8]) -> Result<Content, Problems> {
    let content = decode(bytes).and_then(validate)?;
    if content.locales.iter().any(|l| l == Locale::En.tag()) {
        return Ok(content);
    }
    let mut problems = Problems::default();
    problems.push(
        "locales",
        format!(
            "replacement content needs English text, which every other language falls back to (it has: {})",
            content.locales.join(", ")
        ),
    );
    Err(problems)
}

/// Decodes compiled content without validating it again: for bytes this
/// build made and validated itself (build.rs), which keeps the validator
/// out of the browser's download (~25 KiB of wasm).
pub fn from_trusted_bytes(bytes: &[u8]) -> Result<Content, Problems> {
    decode(bytes)
}

fn decode(bytes: &[u8]) -> Result<Content, Problems> {
    let mut problems = Problems::default();
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        problems.push(
            "compiled content",
            "not a Signpost content file (compile one with signpost-check --compile)",
        );
        return Err(problems);
    };
    let (version, body) = rest.split_at_checked(4).unwrap_or((&[], &[]));
    let version = <[u8; 4]>::try_from(version)
        .map(u32::from_le_bytes)
        .unwrap_or(0);
    if version != SCHEMA_VERSION {
        problems.push(
            "compiled content: schema_version",
            format!(
                "version {version} is not supported; this guide reads version {SCHEMA_VERSION}"
            ),
        );
        return Err(problems);
    }
    match super::decode::read_all::<Content>(body) {
        Ok(content) => Ok(content),
        Err(super::decode::Error::TooDeep) => {
            problems.push(
                "compiled content",
                format!(
                    "cannot be read: its conditions nest more than {} deep",
                    crate::model::MAX_DECODE_DEPTH
                ),
            );
            Err(problems)
        }
        Err(e) => {
            problems.push("compiled content", format!("cannot be read: {e}"));
            Err(problems)
        }
    }
}
