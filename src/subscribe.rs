//! Feeds in the app: a view filtered by exactly one topic, place or
//! content type offers its Atom feed ("Subscribe to releases about Rule of
//! law") and names it in the head; a release links its topics' feeds.
//! The engine names the feeds the same way the build writes them.

use leptos::prelude::*;
use leptos_meta::Link;

use super::browse::Browse;
use super::{BasePath, use_newsroom};
use newsroom_engine::feeds::{Feed, FeedFacet};

const ATOM: &str = "application/atom+xml";

#[component]
pub fn SubscribeLink() -> impl IntoView {
    let browse = expect_context::<Browse>();
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let feeds = StoredValue::new(newsroom.archive.feeds());
    let feed = Memo::new(move |_| {
        (browse.settled.filters)
            .with(|filters| feeds.with_value(|feeds| feeds.of_view(filters).cloned()))
    });
    move || {
        feed.get().map(|feed| {
            let href = base.asset(&feed.path);
            view! {
                <Link rel="alternate" type_=ATOM title=feed.subject() href=href.clone() />
                <p class="subscribe">
                    // rel="external": a file, not a view of the app's router.
                    <a href=href type=ATOM rel="external">{feed.subscribe_text()}</a>
                </p>
            }
        })
    }
}

/// Links to the feeds of a release's topics.
#[component]
pub fn TopicFeeds(topics: Vec<String>) -> impl IntoView {
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let feeds = newsroom.archive.feeds();
    let links: Vec<Feed> = (topics.iter())
        .filter_map(|topic| feeds.get(FeedFacet::Topic, topic).cloned())
        .collect();
    (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .map(|feed| {
                let href = base.asset(&feed.path);
                view! {
                    <li><a href=href type=ATOM rel="external">{format!("{} (Atom feed)", feed.subject())}</a></li>
                }
            })
            .collect_view();
        view! {
            <section class="topic-feeds" aria-labelledby="topic-feeds-heading">
                <h2 id="topic-feeds-heading" class="topic-feeds__heading">"Follow these topics"</h2>
                <ul class="topic-feeds__list">{items}</ul>
            </section>
        }
    })
}
