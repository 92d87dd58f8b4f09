//! Taking over from the pre-rendered page. The build writes every page's
//! first view into its HTML (`newsroom-cli site`: the home page's first page
//! of releases and filter panel, a release on its entry page, `404.html`),
//! in the app's own frame and markup, as a block with the id
//! [`newsroom_engine::STATIC_PAGE_ID`]. The app mounts after it, hidden
//! (`style/takeover.css`), while the releases load, which at a large archive
//! takes seconds; once its view is rendered, [`StaticPage::remove`] swaps the
//! two in one step, so the reader sees no flash and nothing moves.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use super::load::Newsroom;

/// The pre-rendered block and the head tags that belong to it (the app sets
/// the description and canonical link per route, and a stale one would
/// outlive the first navigation).
#[derive(Clone)]
pub struct StaticPage {
    nodes: Shared<Vec<Element>>,
    /// What the app does once its view is shown (focus on arrival).
    after_swap: Shared<Vec<Box<dyn FnOnce() + Send + Sync>>>,
    /// Parts of the app's view still loading that the pre-render already
    /// shows (a release's full text), and whether the swap is wanted.
    waiting: Shared<Waiting>,
}

#[derive(Default)]
struct Waiting {
    holds: usize,
    swap_wanted: bool,
}

/// Keeps the pre-render while part of the app's view loads; dropping it
/// lets the swap happen (at once if it was waiting for this).
pub struct Hold(StaticPage);

impl Drop for Hold {
    fn drop(&mut self) {
        let ready = {
            let mut waiting = self.0.waiting.lock().expect("one thread");
            waiting.holds -= 1;
            waiting.holds == 0 && waiting.swap_wanted
        };
        if ready {
            self.0.swap_in_next_frame();
        }
    }
}

type Shared<T> = std::sync::Arc<std::sync::Mutex<T>>;

impl StaticPage {
    pub fn find() -> StaticPage {
        let document = document();
        let mut nodes: Vec<Element> = document
            .get_element_by_id(newsroom_engine::STATIC_PAGE_ID)
            .into_iter()
            .collect();
        if !nodes.is_empty()
            && let Ok(stale) = document.query_selector_all(&format!(
                "head link[rel='canonical'], head meta[name='description'], head link[{}]",
                newsroom_engine::TOPIC_FEED_ATTRIBUTE
            ))
        {
            nodes.extend(
                (0..stale.length())
                    .filter_map(|i| stale.item(i))
                    .filter_map(|node| node.dyn_into::<Element>().ok()),
            );
        }
        StaticPage {
            nodes: Shared::new(nodes.into()),
            after_swap: Shared::default(),
            waiting: Shared::default(),
        }
    }

    pub fn is_shown(&self) -> bool {
        !self.nodes.lock().expect("one thread").is_empty()
    }

    /// Runs `action` once the app's view is shown: now, or right after the
    /// swap (an element of the hidden app cannot take the focus).
    pub fn after_swap(&self, action: impl FnOnce() + Send + Sync + 'static) {
        if self.is_shown() {
            self.after_swap
                .lock()
                .expect("one thread")
                .push(Box::new(action));
        } else {
            action();
        }
    }

    /// Keeps the pre-render until the returned [`Hold`] is dropped, when
    /// the app's view would otherwise come in without a part the pre-render
    /// shows (and everything below it would move when that part arrives).
    /// `None` once the app's view is shown.
    pub fn hold(&self) -> Option<Hold> {
        self.is_shown().then(|| {
            self.waiting.lock().expect("one thread").holds += 1;
            Hold(self.clone())
        })
    }
}

/// [`StaticPage::hold`] until `ready` is true (a reactive condition,
/// checked in an effect), for a view whose data arrives after the app's.
pub fn hold_until(ready: impl Fn() -> bool + Send + Sync + 'static) {
    let Some(hold) = use_context::<StaticPage>().and_then(|page| page.hold()) else {
        return;
    };
    let hold = StoredValue::new(Some(hold));
    Effect::new(move |_| {
        if ready() {
            hold.set_value(None);
        }
    });
}

/// [`hold_until`] the view's data is `ready`, or a segment it needs could
/// not be loaded: the view then shows that failure instead.
pub fn hold_until_loaded(
    newsroom: Arc<Newsroom>,
    ready: impl Fn() -> bool + Send + Sync + 'static,
) {
    hold_until(move || ready() || newsroom.archive.has_failed());
}

impl StaticPage {
    /// Removes the pre-rendered page, once no [`Hold`] keeps it; what the
    /// reader did on it carries over to the app's same elements (same ids):
    /// the focus, and words typed in the search box, which the app then
    /// searches for.
    pub fn remove(&self) {
        self.waiting.lock().expect("one thread").swap_wanted = true;
        self.swap_in_next_frame();
    }

    /// The swap, in the next frame, before its paint: the app's view,
    /// rendered in this task, has then settled (its effects would undo the
    /// carried words), and until then keys still reach the pre-render's box
    /// and are carried too. A hold taken meanwhile (by the view rendered in
    /// this task, or still loading) defers it to the last hold's drop.
    fn swap_in_next_frame(&self) {
        let page = self.clone();
        request_animation_frame(move || {
            if page.waiting.lock().expect("one thread").holds > 0 || !page.is_shown() {
                return;
            }
            let mut carried = Carried::read();
            for node in page.nodes.lock().expect("one thread").drain(..) {
                node.remove();
            }
            let actions: Vec<_> = page
                .after_swap
                .lock()
                .expect("one thread")
                .drain(..)
                .collect();
            for action in actions {
                action();
            }
            // After the app's own focus on arrival: the reader's wins.
            if !carried.apply() {
                request_animation_frame(move || {
                    carried.apply();
                });
            }
        });
    }
}

/// The reader's state on the pre-rendered page at the swap.
struct Carried {
    focused: Option<Focused>,
    typed_query: Option<String>,
}

/// The focused element of the pre-render, as the app's same element is
/// found again: by its id, or for a link without one (the skip link, a
/// release's title) by its class and address.
enum Focused {
    Id(String),
    Link { class: String, href: String },
}

impl Focused {
    fn of(element: &Element) -> Option<Focused> {
        let id = element.id();
        if !id.is_empty() {
            return Some(Focused::Id(id));
        }
        let href = element.get_attribute("href")?;
        Some(Focused::Link {
            class: element.class_name(),
            href,
        })
    }

    fn find(&self, document: &web_sys::Document) -> Option<Element> {
        match self {
            Focused::Id(id) => document.get_element_by_id(id),
            Focused::Link { class, href } => {
                let links = document.query_selector_all("a[href]").ok()?;
                (0..links.length())
                    .filter_map(|i| links.item(i))
                    .filter_map(|node| node.dyn_into::<Element>().ok())
                    .find(|link| {
                        link.class_name() == *class
                            && link.get_attribute("href").as_deref() == Some(href)
                    })
            }
        }
    }
}

/// The search box's id, in the app and the pre-render alike.
const SEARCH_BOX_ID: &str = "q";

impl Carried {
    fn read() -> Carried {
        let document = document();
        let within_static = |element: &Element| {
            element
                .closest(&format!("#{}", newsroom_engine::STATIC_PAGE_ID))
                .ok()
                .flatten()
                .is_some()
        };
        let focused = document
            .active_element()
            .filter(within_static)
            .and_then(|element| Focused::of(&element));
        let typed_query = document
            .get_element_by_id(SEARCH_BOX_ID)
            .filter(within_static)
            .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
            .map(|input| input.value())
            .filter(|value| !value.trim().is_empty());
        Carried {
            focused,
            typed_query,
        }
    }

    /// Puts the typed words and the focus on the app's elements, each once;
    /// false if one of them is not rendered yet (it is kept for later).
    fn apply(&mut self) -> bool {
        let document = document();
        if let Some(query) = &self.typed_query
            && let Some(input) = document
                .get_element_by_id(SEARCH_BOX_ID)
                .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
        {
            input.set_value(query);
            // The app reads the box on `input` (delegated: it must bubble),
            // as when the reader types.
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = input.dispatch_event(&event);
            }
            self.typed_query = None;
        }
        if let Some(focused) = &self.focused
            && let Some(element) = focused
                .find(&document)
                .and_then(|element| element.dyn_into::<HtmlElement>().ok())
        {
            let _ = element.focus();
            self.focused = None;
        }
        self.typed_query.is_none() && self.focused.is_none()
    }
}
