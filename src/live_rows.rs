//! Keyed rows (a `For`'s children) that follow the list's memos without
//! reading them. A render effect that read a memo and is then dropped stays
//! in the memo's subscriber list: Leptos 0.8's reactive graph removes a
//! subscriber only when it runs again, never when it is dropped. Rows that
//! come and go with each keystroke (results, facet values) would each leave
//! theirs behind, and every later change walks them all: measured, 5x the
//! graph's work after 400 keystrokes on 1,000 releases, and growing.
//!
//! Instead each row reads a signal of its own, created with it and dropped
//! with it, and one effect of the list (which lives as long as the memos it
//! reads) copies each row's value into its signal when it changes.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use leptos::prelude::*;

pub struct LiveRows<K, V>
where
    K: Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    rows: StoredValue<HashMap<K, RwSignal<V>>>,
    /// A row's value now (untracked: rows never subscribe to the list).
    value_now: StoredValue<ValueNow<K, V>>,
}

type ValueNow<K, V> = Arc<dyn Fn(&K) -> V + Send + Sync>;

impl<K, V> Clone for LiveRows<K, V>
where
    K: Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for LiveRows<K, V>
where
    K: Send + Sync + 'static,
    V: Send + Sync + 'static,
{
}

impl<K, V> LiveRows<K, V>
where
    K: Clone + Eq + Hash + Send + Sync + 'static,
    V: Clone + PartialEq + Send + Sync + 'static,
{
    /// `source` reads the list's memos, once per change (into a memo of
    /// the list's own, which rows read untracked, without copying it);
    /// `value_of` gives a row's value from what it read.
    pub fn new<S>(
        source: impl Fn() -> S + Send + Sync + 'static,
        value_of: impl Fn(&S, &K) -> V + Send + Sync + 'static,
    ) -> Self
    where
        S: PartialEq + Send + Sync + 'static,
    {
        let read = Memo::new(move |_| source());
        let value_of = Arc::new(value_of);
        let rows = StoredValue::new(HashMap::<K, RwSignal<V>>::new());
        let each = value_of.clone();
        Effect::new(move |_| {
            read.with(|read| {
                rows.with_value(|rows| {
                    for (key, signal) in rows {
                        let value = each(read, key);
                        if signal.with_untracked(|shown| *shown != value) {
                            signal.set(value);
                        }
                    }
                });
            });
        });
        let value_now: ValueNow<K, V> =
            Arc::new(move |key| read.with_untracked(|read| value_of(read, key)));
        LiveRows {
            rows,
            value_now: StoredValue::new(value_now),
        }
    }

    /// The signal of the row `key`, for the row being created now (it is
    /// forgotten when the row's owner is cleaned up).
    pub fn row(&self, key: K) -> RwSignal<V> {
        let signal = RwSignal::new(self.value_now.with_value(|value_now| value_now(&key)));
        let rows = self.rows;
        rows.update_value(|rows| {
            rows.insert(key.clone(), signal);
        });
        on_cleanup(move || {
            rows.update_value(|rows| {
                // A row of the same key may already have replaced this one.
                if rows.get(&key) == Some(&signal) {
                    rows.remove(&key);
                }
            })
        });
        signal
    }
}
