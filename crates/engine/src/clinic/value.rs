//! A JSON value, as much as configuration needs: the browser parses the
//! clinic's JSON with its own `JSON.parse` (src/embed/json.rs) and hands
//! over this tree, so the guide's download carries no JSON parser.

/// A JSON value, as much as configuration needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Keys in document order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// What it is, in a message: "a number", "a list".
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}
