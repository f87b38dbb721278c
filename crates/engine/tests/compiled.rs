//! Compiled content (what the browser decodes) and the editors' schema.

mod common;

use proptest::prelude::*;
use signpost_engine::Content;
use signpost_engine::Locale;
use signpost_engine::compiled::{from_bytes, from_trusted_bytes, to_bytes, to_bytes_in};
use signpost_engine::files::decode::{Error, read_all};
use signpost_engine::model::DeferredProse;

#[test]
fn compiled_content_round_trips() {
    let content = common::content();
    let bytes = to_bytes(content);
    // The crisis directory travels apart (the browser fetches it as a
    // file of its own): put back, the content is whole again.
    let decoded = from_bytes(&bytes).expect("decodes");
    assert!(decoded.crisis_directory.is_empty() && decoded.time_zones.is_empty());
    let directory = signpost_engine::compiled::directory_to_bytes(content);
    assert_eq!(
        &signpost_engine::compiled::with_directory(decoded, &directory),
        content
    );
}

/// The expected one-language content, worked out independently of the
/// serializer: in the JSON form, every map keyed by exactly the guide's
/// languages keeps `keep` alone.
fn json_in(keep: Locale) -> serde_json::Value {
    fn walk(v: &mut serde_json::Value, keep: &str) {
        match v {
            serde_json::Value::Object(map) => {
                let tags = Locale::ALL.map(|l| l.tag());
                if !map.is_empty() && map.keys().all(|k| tags.contains(&k.as_str())) {
                    map.retain(|k, _| k == keep);
                }
                map.values_mut().for_each(|v| walk(v, keep));
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| walk(v, keep)),
            _ => {}
        }
    }
    let mut json = serde_json::to_value(common::content()).unwrap();
    walk(&mut json, keep.tag());
    json["locales"] = serde_json::json!([keep.tag()]);
    json
}

#[test]
fn a_language_file_holds_that_language_alone_and_is_valid_content() {
    let content = common::content();
    let full = to_bytes(content).len();
    for locale in Locale::ALL {
        let bytes = to_bytes_in(content, locale);
        let one = from_trusted_bytes(&bytes).expect("decodes");
        assert_eq!(
            serde_json::to_value(&one).unwrap(),
            json_in(locale),
            "{locale}"
        );
        let valid = signpost_engine::validate::validate(one).map(|_| ());
        assert_eq!(valid, Ok(()), "{locale} alone is valid content");
        assert!(
            bytes.len() * 10 < full * 7,
            "{locale}: {} of {full} bytes",
            bytes.len()
        );
    }
    // Serializing normally again is unaffected.
    assert_eq!(to_bytes(content).len(), full);
}

#[test]
fn compiled_content_is_validated_when_decoded() {
    let mut content = common::content().clone();
    content.options.retain(|o| !o.urgent);
    let p = from_bytes(&to_bytes(&content)).unwrap_err();
    assert!(p.mentions("no crisis option"), "{p}");
}

#[test]
fn replacement_content_must_include_english() {
    // Valid on its own terms (every text has Spanish), but a page asking
    // for a language it lacks would fall back to English, and find none.
    fn drop_english(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                if map.contains_key("es") && map.contains_key("en") {
                    map.retain(|k, _| k == "es");
                }
                map.values_mut().for_each(drop_english);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(drop_english),
            _ => {}
        }
    }
    let mut json = serde_json::to_value(common::content()).unwrap();
    drop_english(&mut json);
    let mut content: signpost_engine::Content = serde_json::from_value(json).unwrap();
    content.locales = vec!["es".into()];
    let p = from_bytes(&to_bytes(&content)).unwrap_err();
    assert!(p.mentions("needs English text"), "{p}");
    assert_eq!(p.to_string().lines().count(), 1, "otherwise valid: {p}");
}

#[test]
fn replacement_content_may_offer_fewer_languages() {
    // English and Spanish alone: the switch lists those two.
    let mut json = serde_json::to_value(common::content()).unwrap();
    fn keep(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                if map.contains_key("en") && map.contains_key("es") {
                    map.retain(|k, _| k == "en" || k == "es");
                }
                map.values_mut().for_each(keep);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(keep),
            _ => {}
        }
    }
    keep(&mut json);
    let mut content: signpost_engine::Content = serde_json::from_value(json).unwrap();
    content.locales = vec!["en".into(), "es".into()];
    assert!(from_bytes(&to_bytes(&content)).is_ok());
}

#[test]
fn wrong_header_or_version_is_reported() {
    assert!(
        from_bytes(b"")
            .unwrap_err()
            .mentions("not a Signpost content file")
    );
    assert!(
        from_bytes(b"<html>")
            .unwrap_err()
            .mentions("not a Signpost content file")
    );
    let mut bytes = to_bytes(common::content());
    bytes[4] = 9;
    assert!(
        from_bytes(&bytes)
            .unwrap_err()
            .mentions("version 9 is not supported")
    );
    let truncated = &to_bytes(common::content())[..1000];
    assert!(
        from_bytes(truncated)
            .unwrap_err()
            .mentions("cannot be read")
    );
}

#[test]
fn the_published_schema_is_up_to_date() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/schema/content-file.schema.json"
    );
    let published = std::fs::read_to_string(path).unwrap_or_default();
    let current = signpost_engine::load::json_schema();
    if published != current && std::env::var_os("SIGNPOST_BLESS").is_some() {
        std::fs::write(path, &current).unwrap();
        return;
    }
    assert!(
        published == current,
        "content/schema/content-file.schema.json is out of date: run `SIGNPOST_BLESS=1 cargo test -p signpost-engine --test compiled`"
    );
    assert!(current.contains("\"schema_version\""));
}

/// The bodies the browser reads (headers off): the whole content, each
/// language's file, and English's deferred prose.
fn bodies() -> &'static [(String, Vec<u8>)] {
    static BODIES: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    BODIES.get_or_init(made_bodies)
}

fn made_bodies() -> Vec<(String, Vec<u8>)> {
    let content = common::content();
    let mut out = vec![("all languages".to_string(), to_bytes(content)[8..].to_vec())];
    for l in Locale::ALL {
        out.push((l.tag().to_string(), to_bytes_in(content, l)[8..].to_vec()));
    }
    let mut core = content.clone();
    let prose = core.defer_prose();
    let prose = signpost_engine::compiled::prose_to_bytes(&prose, Locale::En);
    out.push(("English prose".to_string(), prose[8..].to_vec()));
    out
}

/// What postcard's own (serde) reader makes of `body` as a `T`, trailing
/// bytes refused as the guide's reader refuses them.
fn postcard_reads<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
    match postcard::take_from_bytes::<T>(body) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

#[test]
fn the_guides_reader_reads_what_postcard_reads_in_every_built_in_file() {
    for (name, body) in bodies() {
        if name == "English prose" {
            let ours = read_all::<DeferredProse>(body).expect(name);
            assert_eq!(Some(ours), postcard_reads::<DeferredProse>(body), "{name}");
        } else {
            let ours = read_all::<Content>(body).expect(name);
            assert_eq!(Some(ours), postcard_reads::<Content>(body), "{name}");
        }
    }
}

#[test]
fn the_guides_reader_refuses_every_cut_short_file_and_one_with_bytes_after_it() {
    let (_, body) = &bodies()[1];
    for end in 0..body.len() {
        assert!(read_all::<Content>(&body[..end]).is_err(), "cut at {end}");
    }
    let mut longer = body.clone();
    longer.push(0);
    assert_eq!(read_all::<Content>(&longer), Err(Error::Trailing));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, .. ProptestConfig::default() })]

    /// With bytes changed anywhere, the guide's reader and postcard's agree:
    /// both refuse, or both read the same content.
    #[test]
    fn the_guides_reader_agrees_with_postcard_on_corrupted_files(
        file in 0..8usize,
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let (name, body) = &bodies()[file];
        let mut body = body.clone();
        for (at, b) in flips {
            let i = at.index(body.len());
            body[i] = b;
        }
        if name == "English prose" {
            prop_assert_eq!(read_all::<DeferredProse>(&body).ok(), postcard_reads::<DeferredProse>(&body));
        } else {
            prop_assert_eq!(read_all::<Content>(&body).ok(), postcard_reads::<Content>(&body));
        }
    }

    /// Compiled content with bytes flipped decodes to problems or valid
    /// content, never a panic.
    #[test]
    fn corrupted_bytes_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let mut bytes = to_bytes(common::content());
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let _ = from_bytes(&bytes);
    }
}

/// A crafted file (issue 27, item 5): the built-in content with one
/// `{ risk = true }` condition wrapped in `not` again and again. postcard
/// writes a condition as its ten optional keys in order (`None` 0, `Some`
/// 1 then the value) and lists by their number of items, never their
/// bytes, so the splice leaves a well-formed file. Without the depth limit
/// the reader's recursion overflows the stack (a crash in a browser tab).
fn crafted(levels: usize) -> Vec<u8> {
    const RISK_TRUE: [u8; 11] = [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0];
    const NOT: [u8; 10] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    let bytes = to_bytes_in(common::content(), Locale::En);
    let at = bytes
        .windows(RISK_TRUE.len())
        .position(|w| w == RISK_TRUE)
        .expect("the built-in content has a { risk = true } condition");
    let mut out = bytes[..at].to_vec();
    for _ in 0..levels {
        out.extend_from_slice(&NOT);
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

#[test]
fn deeply_nested_conditions_are_refused_by_name_not_a_crash() {
    // The splice is at a condition: two more `not`s read back as content.
    assert!(
        from_trusted_bytes(&crafted(2)).is_ok(),
        "the crafted splice is well formed"
    );
    for levels in [signpost_engine::model::MAX_DECODE_DEPTH + 1, 1_000_000] {
        let problems = from_trusted_bytes(&crafted(levels)).expect_err("refused");
        assert!(
            problems
                .to_string()
                .contains("conditions nest more than 64 deep"),
            "{problems}"
        );
        // The validating reader (replacement content, the studio) too.
        assert!(from_bytes(&crafted(levels)).is_err());
    }
    // The limit leaves the reader as it was: content reads again.
    assert!(from_trusted_bytes(&to_bytes(common::content())).is_ok());
}
