//! What the device says about where the visitor is, read on the device and
//! never sent anywhere: its preferred languages and its time zone; and the
//! names of countries in the visitor's language.

use js_sys::{Array, Function, Object, Reflect};
use signpost_engine::directory::DeviceHints;
use signpost_engine::{Locale, Negotiated};
use wasm_bindgen::{JsCast, JsValue};

fn languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    nav.languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .take(10)
        .collect()
}

/// The guide's language the browser's list prefers.
pub fn browser_locale() -> Locale {
    Locale::negotiate(languages().iter().map(String::as_str))
}

/// The first language `offered` that the browser's list prefers, and
/// whether the visitor asked for another region's variety of it.
pub fn browser_language(offered: impl Fn(Locale) -> bool) -> Negotiated {
    Locale::negotiate_among(languages().iter().map(String::as_str), offered)
}

/// `navigator.languages` and the `Intl` time zone.
pub fn hints() -> DeviceHints {
    let options =
        js_sys::Intl::DateTimeFormat::new(&Array::new(), &Object::new()).resolved_options();
    let time_zone = Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
        .map(String::from)
        .filter(|z| z.len() <= 64);
    DeviceHints {
        languages: languages(),
        time_zone,
    }
}

/// Names countries in the visitor's language, on the device
/// (`Intl.DisplayNames`, reached by name: web-sys has no binding for it;
/// the code where the browser has none).
pub fn country_namer(locale: Locale) -> impl Fn(&str) -> String {
    let names = (|| {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let ctor: Function = Reflect::get(&intl, &"DisplayNames".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let options = Object::new();
        Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
        let args = Array::of2(&JsValue::from_str(locale.tag()), &options);
        let names = Reflect::construct(&ctor, &args).ok()?;
        let of: Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
        Some((names, of))
    })();
    move |code: &str| {
        names
            .as_ref()
            .and_then(|(names, of)| of.call1(names, &JsValue::from_str(code)).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| code.to_string())
    }
}

/// Sorts `(code, name)` pairs by name as the visitor's language orders
/// them (`localeCompare`; no collation tables in the download).
pub fn sort_names(names: &mut [(String, String)], locale: Locale) {
    let locales = Array::of1(&locale.tag().into());
    let options = Object::new();
    names.sort_by(|a, b| {
        js_sys::JsString::from(a.1.as_str())
            .locale_compare(&b.1, &locales, &options)
            .cmp(&0)
    });
}
