//! A large archive in the app: the engine's `SegmentedCatalog` in a signal.
//! Views ask it questions through [`Segments::ask`]; an answer that needs
//! segments starts fetching them (each once, a question's all at the same
//! time), and the question is asked again, reactively, once they are in.
//! A segment that fails is not fetched again until the reader says "Try
//! again": a broken host must not turn into a loop of requests.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use super::BasePath;
use super::load::fetch_bytes;
use newsroom_engine::search::{Answer, SegmentedCatalog};
use newsroom_engine::segments::layout::Segment;

#[derive(Clone)]
pub struct Segments {
    catalog: ArcRwSignal<SegmentedCatalog>,
    base: BasePath,
    requests: Arc<Mutex<Requests>>,
    failure: ArcRwSignal<Option<SegmentFailure>>,
}

#[derive(Default)]
struct Requests {
    in_flight: HashSet<Segment>,
    failed: HashSet<Segment>,
}

/// Segments that could not be fetched or read, and why (the last reason).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentFailure {
    pub segments: Vec<Segment>,
    pub message: String,
}

impl Segments {
    pub fn new(catalog: SegmentedCatalog, base: BasePath) -> Segments {
        Segments {
            catalog: ArcRwSignal::new(catalog),
            base,
            requests: Arc::default(),
            failure: ArcRwSignal::new(None),
        }
    }

    /// The answer, or `None` while the segments it needs are on their way
    /// (or failed); tracked, so the caller runs again when they arrive.
    pub fn ask<T>(&self, question: impl FnOnce(&SegmentedCatalog) -> Answer<T>) -> Option<T> {
        match self.catalog.with(question) {
            Answer::Ready(answer) => Some(answer),
            Answer::Needs(needs) => {
                self.fetch(needs);
                None
            }
        }
    }

    /// What the start columns alone answer: untracked, since they never
    /// change.
    pub fn with_start<T>(&self, read: impl FnOnce(&SegmentedCatalog) -> T) -> T {
        self.catalog.with_untracked(read)
    }

    /// The last failure not yet tried again (tracked).
    pub fn failure(&self) -> Option<SegmentFailure> {
        self.failure.get()
    }

    /// Fetches the failed segments again.
    pub fn try_again(&self) {
        let Some(failure) = self.failure.get_untracked() else {
            return;
        };
        self.failure.set(None);
        {
            let mut requests = self.requests.lock().expect("one thread");
            failure.segments.iter().for_each(|s| {
                requests.failed.remove(s);
            });
        }
        self.fetch(failure.segments);
    }

    fn fetch(&self, needs: Vec<Segment>) {
        let wanted: Vec<Segment> = {
            let mut requests = self.requests.lock().expect("one thread");
            let Requests { in_flight, failed } = &mut *requests;
            (needs.into_iter())
                .filter(|segment| !failed.contains(segment) && in_flight.insert(*segment))
                .collect()
        };
        if wanted.is_empty() {
            return;
        }
        let this = self.clone();
        // Signals are written from the task, never from the memo that asked.
        leptos::task::spawn_local(async move {
            let urls: Vec<String> = (wanted.iter())
                .map(|segment| this.base.data(&segment.path()))
                .collect();
            let fetched = futures::future::join_all(urls.iter().map(|url| fetch_bytes(url))).await;
            let mut failed = Vec::new();
            let mut message = None;
            let mut arrived = Vec::new();
            for ((segment, url), outcome) in wanted.iter().zip(&urls).zip(fetched) {
                match outcome {
                    Ok(bytes) => arrived.push((*segment, url, bytes)),
                    Err(error) => {
                        failed.push(*segment);
                        message = Some(format!(
                            "{} ({url}) could not be loaded: {}",
                            what_it_holds(*segment),
                            error.reason()
                        ));
                    }
                }
            }
            {
                let mut requests = this.requests.lock().expect("one thread");
                wanted.iter().for_each(|s| {
                    requests.in_flight.remove(s);
                });
                // Marked before the askers run again, so they wait for
                // "Try again" instead of fetching it once more.
                requests.failed.extend(&failed);
            }
            if !arrived.is_empty() {
                this.catalog.update(|catalog| {
                    for (segment, url, bytes) in arrived {
                        if let Err(error) = catalog.add(segment, &bytes) {
                            this.requests
                                .lock()
                                .expect("one thread")
                                .failed
                                .insert(segment);
                            failed.push(segment);
                            message = Some(format!(
                                "{} ({url}) cannot be read: {error}; the site may be half-way \
                                 through an update",
                                what_it_holds(segment)
                            ));
                        }
                    }
                });
            }
            if let Some(message) = message {
                this.failure.update(|failure| {
                    let mut segments = failure.take().map(|f| f.segments).unwrap_or_default();
                    segments.extend(failed);
                    *failure = Some(SegmentFailure { segments, message });
                });
            }
        });
    }
}

/// What a segment holds, in a reader's words.
fn what_it_holds(segment: Segment) -> &'static str {
    match segment {
        Segment::Words(_) | Segment::Phrases(_) | Segment::Prefix(_) => {
            "A piece of the search index"
        }
        Segment::Records(_) => "A shard of release titles and summaries",
        Segment::Slugs(_) => "A piece of the release address list",
        Segment::LightOrder => "The full-text index's order table",
    }
}
