//! What the device says about where the visitor is, read on the device and
//! never sent anywhere: its preferred languages and its time zone.

use signpost_engine::directory::DeviceHints;

/// `navigator.languages` and the `Intl` time zone (empty off the browser).
#[cfg(target_arch = "wasm32")]
pub fn hints() -> DeviceHints {
    use wasm_bindgen::JsCast;
    let languages = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).take(10).collect())
        .unwrap_or_default();
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let time_zone = js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
        .map(String::from)
        .filter(|z| z.len() <= 64);
    DeviceHints {
        languages,
        time_zone,
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn hints() -> DeviceHints {
    DeviceHints::default()
}

/// Names countries in the visitor's language, on the device
/// (`Intl.DisplayNames`; the code where the browser has none).
#[cfg(target_arch = "wasm32")]
pub fn country_namer(locale: signpost_engine::Locale) -> impl Fn(&str) -> String {
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
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

#[cfg(not(target_arch = "wasm32"))]
pub fn country_namer(_: signpost_engine::Locale) -> impl Fn(&str) -> String {
    str::to_string
}

/// Sorts `(code, name)` pairs by name as the visitor's language orders
/// them (`localeCompare`; no case tables in the download).
pub fn sort_names(names: &mut [(String, String)], locale: signpost_engine::Locale) {
    #[cfg(target_arch = "wasm32")]
    {
        let locales = js_sys::Array::of1(&locale.tag().into());
        let options = js_sys::Object::new();
        names.sort_by(|a, b| {
            js_sys::JsString::from(a.1.as_str())
                .locale_compare(&b.1, &locales, &options)
                .cmp(&0)
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale;
        names.sort_by_key(|(_, name)| name.to_lowercase());
    }
}

/// The date the numbers were checked, as the directory writes it
/// (`YYYY-MM-DD`, read the same in every language; formatting it with
/// `Intl` cost 0.3 KiB of the first visit).
pub fn check_date(iso: &str, _: signpost_engine::Locale) -> String {
    iso.to_string()
}
