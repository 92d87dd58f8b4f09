//! A record's fields as the rules see them, whichever way the JSON was read:
//! as a `serde_json` tree (any shape, for exact messages) or as typed
//! structs (the fast path for well-formed files). One set of rules reads
//! both through [`Fields`].

use serde_json::{Map, Value};

/// One field as found.
#[derive(Clone, Copy)]
pub(super) enum Found<'a> {
    Absent,
    Null,
    Text(&'a str),
    /// Another JSON type, described for a message ("a number").
    Other(&'static str),
}

impl<'a> Found<'a> {
    pub(super) fn from_option(text: Option<&'a String>) -> Found<'a> {
        text.map_or(Found::Null, |text| Found::Text(text))
    }
}

pub(super) trait Fields {
    fn text(&self, key: &str) -> Found<'_>;
    /// A list's items, or what was found instead of a list. Records
    /// without lists keep the default: absent.
    fn list(&self, _key: &str) -> Result<Vec<Found<'_>>, Found<'_>> {
        Err(Found::Absent)
    }
    fn flag(&self, _key: &str) -> bool {
        false
    }
    /// A nested record: `Ok(None)` when absent or null, `Err` with what
    /// was found instead of an object.
    fn record(&self, _key: &str) -> Result<Option<&dyn Fields>, &'static str> {
        Ok(None)
    }
    /// A whole number: `Ok(None)` when absent or null, `Err` with what was
    /// found instead.
    fn whole_number(&self, _key: &str) -> Result<Option<u64>, &'static str> {
        Ok(None)
    }
}

impl Fields for Map<String, Value> {
    fn text(&self, key: &str) -> Found<'_> {
        self.get(key).map_or(Found::Absent, found)
    }

    fn list(&self, key: &str) -> Result<Vec<Found<'_>>, Found<'_>> {
        match self.get(key) {
            None => Err(Found::Absent),
            Some(Value::Array(items)) => Ok(items.iter().map(found).collect()),
            Some(other) => Err(Found::Other(describe(other))),
        }
    }

    fn flag(&self, key: &str) -> bool {
        matches!(self.get(key), Some(Value::Bool(true)))
    }

    fn record(&self, key: &str) -> Result<Option<&dyn Fields>, &'static str> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(fields)) => Ok(Some(fields)),
            Some(other) => Err(describe(other)),
        }
    }

    fn whole_number(&self, key: &str) -> Result<Option<u64>, &'static str> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n.as_u64().map(Some).ok_or("a number that is not whole"),
            Some(other) => Err(describe(other)),
        }
    }
}

fn found(value: &Value) -> Found<'_> {
    match value {
        Value::Null => Found::Null,
        Value::String(text) => Found::Text(text),
        other => Found::Other(describe(other)),
    }
}

pub(super) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
