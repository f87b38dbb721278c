//! A parsed JSON value from the browser (`JSON.parse`) as the engine's
//! [`Value`], so the wasm carries no JSON parser of its own.

use signpost_engine::config::Value;
use wasm_bindgen::{JsCast, JsValue};

/// Converts a JS value; functions, symbols and deeper-than-16 nesting
/// become `Null` (configuration is shallow).
pub fn from_js(v: &JsValue) -> Value {
    convert(v, 0)
}

fn convert(v: &JsValue, depth: usize) -> Value {
    if depth > 16 || v.is_null() || v.is_undefined() {
        return Value::Null;
    }
    if let Some(b) = v.as_bool() {
        return Value::Bool(b);
    }
    if let Some(n) = v.as_f64() {
        return Value::Number(n);
    }
    if let Some(s) = v.as_string() {
        return Value::String(s);
    }
    if js_sys::Array::is_array(v) {
        let a: &js_sys::Array = v.unchecked_ref();
        return Value::Array(a.iter().map(|x| convert(&x, depth + 1)).collect());
    }
    if v.is_object() && !v.is_function() {
        let entries = js_sys::Object::entries(v.unchecked_ref());
        return Value::Object(
            entries
                .iter()
                .filter_map(|pair| {
                    let pair: js_sys::Array = pair.unchecked_into();
                    Some((pair.get(0).as_string()?, convert(&pair.get(1), depth + 1)))
                })
                .collect(),
        );
    }
    Value::Null
}
