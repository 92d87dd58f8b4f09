//! `/releases/<slug>/`: one release, with links into the filtered timeline,
//! its neighbours in time, related releases, and a copyable canonical link.

use leptos::html::H1;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_params_map;

use super::body::FetchedBody;
use super::markdown_body::MarkdownBody;
use super::photo::LeadPhoto;
use super::status;
use super::takeover::hold_until_loaded;
use super::timeline::ReturnTo;
use super::{BasePath, use_newsroom};
use newsroom_engine::bundle::Release;
use newsroom_engine::filters::{Filters, TypeChoice};
use newsroom_engine::markdown;
use newsroom_engine::search::FacetKey;

/// The release at the route's address, as far as it is known.
#[derive(Clone, Debug, PartialEq)]
enum Lookup {
    /// A large archive is fetching its address list or record.
    Looking,
    NotFound(String),
    Found(u32, Box<Release>),
}

#[component]
pub fn ReleasePage() -> impl IntoView {
    let params = use_params_map();
    let newsroom = use_newsroom();
    // A memo, so segments arriving for other parts of the page do not
    // render the release again.
    let lookup = Memo::new(move |_| {
        let slug = params.read().get("slug").unwrap_or_default();
        match newsroom.archive.by_slug(&slug) {
            None => Lookup::Looking,
            Some(None) => Lookup::NotFound(slug),
            Some(Some(id)) => match newsroom.archive.releases(&[id]).and_then(|mut r| r.pop()) {
                None => Lookup::Looking,
                Some(release) => Lookup::Found(id, Box::new(release)),
            },
        }
    });
    hold_until_loaded(use_newsroom(), move || {
        lookup.with(|lookup| *lookup != Lookup::Looking)
    });
    let page = move || match lookup.get() {
        Lookup::Looking => view! { <status::Loading /> }.into_any(),
        Lookup::NotFound(slug) => view! { <ReleaseNotFound slug /> }.into_any(),
        Lookup::Found(index, release) => {
            view! { <ReleaseView index release=*release /> }.into_any()
        }
    };
    view! {
        <status::SegmentsProblem />
        {page}
    }
}

#[component]
fn ReleaseView(index: u32, release: Release) -> impl IntoView {
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let release = &release;
    let canonical = base.canonical_release(release.slug.as_str());
    let print_url = canonical.clone();
    let page_title = format!("{} — {}", release.title, newsroom.site.name);
    let heading = NodeRef::<H1>::new();
    super::focus::focus_heading_on_arrival(heading, true);

    let filter_link = |key: FacetKey, label: String| {
        let href = base.timeline(&Filters::default().with_toggled(&key));
        view! { <a href=href>{label}</a> }
    };
    let content_type = release.content_type.clone().map(|t| {
        let key = FacetKey::Type(TypeChoice::Named(t.clone()));
        view! { <div class="facts__row"><dt>"Type"</dt><dd>{filter_link(key, t)}</dd></div> }
    });
    let places = (!release.locations.is_empty()).then(|| {
        let links = release.locations.iter().map(|p| view! { <li>{filter_link(FacetKey::Place(p.clone()), p.clone())}</li> }).collect_view();
        view! { <div class="facts__row"><dt>"Where"</dt><dd><ul class="inline-list">{links}</ul></dd></div> }
    });
    let topics = (!release.topics.is_empty()).then(|| {
        let links = release.topics.iter().map(|t| view! { <li>{filter_link(FacetKey::Topic(t.clone()), t.clone())}</li> }).collect_view();
        view! { <div class="facts__row"><dt>"Topics"</dt><dd><ul class="inline-list">{links}</ul></dd></div> }
    });
    // A bundle read whole has bodies, not parsed by the build: shown as
    // paragraphs of text. The light index says where to fetch the parsed one.
    let body = if let Some(body) = &release.body {
        Some(view! { <MarkdownBody blocks=markdown::paragraphs(body) /> }.into_any())
    } else if release.has_body {
        Some(view! { <FetchedBody slug=release.slug.to_string() /> }.into_any())
    } else {
        None
    };
    let source = release.source_url.as_ref().map(|url| {
        view! { <p class="release__source"><a href=url.to_string() rel="noopener noreferrer">"Original release on the source site"</a></p> }
    });
    let year = release.published.year();
    let year_href = base.timeline(&Filters::default().with_toggled(&FacetKey::Year(year)));

    view! {
        <Title text=page_title />
        <Meta name="description" content=release.preview() />
        <Link rel="canonical" href=canonical.clone() />
        <article class="release" aria-labelledby="release-title" data-url=print_url>
            <BackToTimeline />
            <h1 id="release-title" class="release__title" tabindex="-1" node_ref=heading>{release.title.clone()}</h1>
            <dl class="facts">
                <div class="facts__row">
                    <dt>"Published"</dt>
                    <dd><time datetime=release.published.iso()>{release.published.long()}</time>
                        " (" <a href=year_href>{format!("all from {year}")}</a> ")"</dd>
                </div>
                {content_type}
                {places}
                {topics}
            </dl>
            {release.image.clone().map(|image| view! { <LeadPhoto image /> })}
            <p class="release__summary">{release.summary.clone()}</p>
            {body}
            {source}
            <super::subscribe::TopicFeeds topics=release.topics.clone() />
            <CopyLink url=canonical />
            <Neighbours index />
            <Related index />
        </article>
    }
}

#[component]
fn BackToTimeline() -> impl IntoView {
    let base = expect_context::<BasePath>();
    let return_to = expect_context::<ReturnTo>();
    let href = move || {
        let search = return_to.search.get().unwrap_or_default();
        format!("{}{search}", base.timeline(&Filters::default()))
    };
    view! { <p class="back-link"><a href=href>"← Back to releases"</a></p> }
}

/// Copies the canonical URL and says so in a live region.
#[component]
fn CopyLink(url: String) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let copy = move |_| {
        let url = url.clone();
        // Browsers leave `navigator.clipboard` undefined outside secure contexts.
        let navigator = window().navigator();
        let has_clipboard = js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false)
            && !js_sys::Reflect::get(&navigator, &"clipboard".into())
                .is_ok_and(|c| c.is_undefined());
        if !has_clipboard {
            message.set(format!("Copying is not available here. The link is {url}"));
            return;
        }
        let promise = navigator.clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            message.set(match done {
                Ok(_) => "Link copied to the clipboard.".to_owned(),
                Err(_) => format!("Could not copy. The link is {url}"),
            });
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" class="button" on:click=copy>"Copy link"</button>
            <span class="copy-link__status" role="status" aria-live="polite">{move || message.get()}</span>
        </div>
    }
}

/// The releases of `ids` once they are all here (a large archive fetches
/// their records); the pre-rendered page waits for them, so the page does
/// not grow under the reader.
fn releases_of(ids: Vec<u32>) -> Memo<Option<Vec<Release>>> {
    let newsroom = use_newsroom();
    let asker = newsroom.clone();
    let releases = Memo::new(move |_| asker.archive.releases(&ids));
    hold_until_loaded(newsroom, move || releases.with(Option::is_some));
    releases
}

#[component]
fn Neighbours(index: u32) -> impl IntoView {
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let (older, newer) = newsroom.archive.neighbours(index);
    let releases = releases_of(older.into_iter().chain(newer).collect());
    move || {
        let releases = releases.get()?;
        let mut found = releases.iter();
        let mut link = |id: Option<u32>, rel: &'static str, label: &'static str| {
            id.and_then(|_| found.next()).map(|r| {
                view! {
                    <a class=format!("neighbours__link neighbours__link--{rel}") href=base.release(r.slug.as_str()) rel=rel>
                        <span class="neighbours__label">{label}</span>
                        <span class="neighbours__title">{r.title.clone()}</span>
                    </a>
                }
            })
        };
        Some(view! {
            <nav class="neighbours" aria-label="Previous and next release">
                {link(older, "prev", "Previous (older)")}
                {link(newer, "next", "Next (newer)")}
            </nav>
        })
    }
}

#[component]
fn Related(index: u32) -> impl IntoView {
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let releases = releases_of(newsroom.archive.related(index, 3));
    move || {
        let releases = releases.get().filter(|found| !found.is_empty())?;
        let items = releases
            .iter()
            .map(|r| {
                view! {
                    <li>
                        <a href=base.release(r.slug.as_str())>{r.title.clone()}</a>
                        " " <time datetime=r.published.iso()>{r.published.long()}</time>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="related" aria-labelledby="related-title">
                <h2 id="related-title">"Related releases"</h2>
                <ul>{items}</ul>
            </section>
        })
    }
}

#[component]
fn ReleaseNotFound(slug: String) -> impl IntoView {
    let newsroom = use_newsroom();
    let base = expect_context::<BasePath>();
    let heading = NodeRef::<H1>::new();
    super::focus::focus_heading_on_arrival(heading, false);
    // Near addresses need every slug: only a whole archive has them.
    let suggestions = newsroom.archive.whole().map(|catalog| {
        let releases = catalog.releases();
        let items = newsroom_engine::suggest::nearest_releases(releases, &slug, 3)
            .into_iter()
            .map(|id| {
                let r = &releases[id as usize];
                view! { <li><a href=base.release(r.slug.as_str())>{r.title.clone()}</a></li> }
            })
            .collect_view();
        view! {
            <h2>"Perhaps you meant"</h2>
            <ul>{items}</ul>
        }
    });
    view! {
        <Title text=format!("Release not found — {}", newsroom.site.name) />
        <section class="status" aria-labelledby="not-found-title">
            <h1 id="not-found-title" tabindex="-1" node_ref=heading>"Release not found"</h1>
            <p class="status__message">"No release has the address "<code>{slug}</code>". It may have been renamed or removed."</p>
            {suggestions}
            <p><a href=base.timeline(&Filters::default())>"Go to all releases"</a></p>
        </section>
    }
}
