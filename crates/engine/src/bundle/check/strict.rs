//! Reading a bundle as a JSON tree, strictly: a key that appears twice in
//! one object is refused (a plain parser keeps the last value silently, so
//! the file would say two things), and so is nesting deeper than a bundle
//! ever needs, each with its path. Plain `serde_json` would only say
//! "recursion limit exceeded".

use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::Problem;
use super::limits::NESTING_LEVELS as MAX_NESTING;

/// Parses `text` into a tree. On failure, the problem is `Some` when the
/// text is JSON but not strict JSON (a duplicate key, too deep).
pub(super) fn parse_strict(text: &str) -> Result<Value, (serde_json::Error, Option<Problem>)> {
    let state = State::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = StrictValue {
        depth: 0,
        state: &state,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    parsed.map_err(|error| (error, state.problem.into_inner()))
}

#[derive(Default)]
struct State {
    /// Where the reader is: object keys and list positions.
    path: RefCell<Vec<Step>>,
    problem: RefCell<Option<Problem>>,
}

enum Step {
    Key(String),
    Index(usize),
}

impl State {
    fn refuse<E: serde::de::Error>(&self, message: String) -> E {
        let mut path = String::new();
        for step in self.path.borrow().iter() {
            match step {
                Step::Key(key) if path.is_empty() => path.push_str(key),
                Step::Key(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                Step::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        if path.is_empty() {
            path.push_str("(top level)");
        }
        let problem = Problem { path, message };
        let error = E::custom(&problem);
        *self.problem.borrow_mut() = Some(problem);
        error
    }

    fn within<T>(&self, step: Step, read: impl FnOnce() -> T) -> T {
        self.path.borrow_mut().push(step);
        let read = read();
        self.path.borrow_mut().pop();
        read
    }
}

#[derive(Clone, Copy)]
struct StrictValue<'a> {
    /// Lists and objects around this value.
    depth: usize,
    state: &'a State,
}

impl StrictValue<'_> {
    fn nested<E: serde::de::Error>(self) -> Result<Self, E> {
        if self.depth >= MAX_NESTING {
            return Err(self
                .state
                .refuse(format!("nested deeper than {MAX_NESTING} levels")));
        }
        Ok(StrictValue {
            depth: self.depth + 1,
            ..self
        })
    }
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let item = self.nested()?;
        let mut items = Vec::new();
        while let Some(value) = self
            .state
            .within(Step::Index(items.len()), || seq.next_element_seed(item))?
        {
            items.push(value);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let value = self.nested()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let message = format!("the key {key:?} appears twice");
                return Err(self.state.refuse(message));
            }
            let read = self
                .state
                .within(Step::Key(key.clone()), || map.next_value_seed(value))?;
            object.insert(key, read);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(text: &str) -> Problem {
        parse_strict(text)
            .unwrap_err()
            .1
            .expect("a strictness problem")
    }

    #[test]
    fn a_duplicate_key_is_refused_with_its_path() {
        let problem = refusal(r#"{"releases": [{"a": 1}, {"title": "x", "title": "y"}]}"#);
        assert_eq!(
            problem.to_string(),
            r#"releases[1]: the key "title" appears twice"#
        );
        assert_eq!(
            refusal(r#"{"a": 1, "a": 1}"#).to_string(),
            r#"(top level): the key "a" appears twice"#
        );
    }

    #[test]
    fn nesting_beyond_the_limit_says_so() {
        let deep = format!("{{\"a\": {}{}}}", "[".repeat(200), "]".repeat(200));
        let problem = refusal(&deep);
        assert_eq!(problem.message, "nested deeper than 32 levels");
        assert!(problem.path.starts_with("a[0][0]"), "{problem}");
        let at_limit = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert!(parse_strict(&at_limit).is_ok());
    }

    #[test]
    fn the_tree_is_the_plain_one() {
        let text = r#"{"n": [1, -2, 2.5, true, null, "s"], "o": {}}"#;
        let plain: Value = serde_json::from_str(text).unwrap();
        assert_eq!(parse_strict(text).unwrap(), plain);
        let (error, problem) = parse_strict("{\"a\": }").unwrap_err();
        assert!(problem.is_none() && error.is_syntax());
    }
}
