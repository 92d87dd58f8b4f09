//! How many of a page's entries are rendered: a screenful at first, more
//! as the reader nears the last one (or presses "Show more", or prints).
//! A keystroke or a click then renders a dozen entries instead of fifty,
//! and a large archive fetches the records of those only.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use newsroom_engine::filters::Filters;
use newsroom_engine::listing::{GrownView, PAGE_SIZE, more_shown};

/// How far below the screen the "Show more" button may be when more
/// entries are rendered: a reader scrolling or tabbing down does not
/// reach the end of what is there.
const AHEAD: &str = "0px 0px 1000px 0px";

#[derive(Clone, Copy)]
pub struct ShownEntries {
    /// The view's address: another view starts again at the first screenful.
    view: Memo<String>,
    grown: RwSignal<GrownView>,
}

impl ShownEntries {
    /// `restored`: how many entries this view had when the reader left it
    /// (on "Back to releases", so the reader lands on the same entry).
    pub fn new(filters: Memo<Filters>, restored: Option<usize>) -> Self {
        let view = Memo::new(move |_| filters.with(Filters::to_query));
        let grown = RwSignal::new(
            restored
                .map(|count| GrownView::restored(view.get_untracked(), count))
                .unwrap_or_default(),
        );
        let shown = ShownEntries { view, grown };
        // A printed page holds the whole page of results. The button goes;
        // a keyboard reader on it goes on from the first entry it rendered.
        let printing = window_event_listener_untyped("beforeprint", move |_| {
            let first_new = shown.count_untracked();
            let on_button = document()
                .active_element()
                .is_some_and(|element| element.matches(".more-entries").unwrap_or(false));
            shown.grow_to(PAGE_SIZE);
            if on_button {
                focus_entry_when_rendered(first_new, FOCUS_FRAMES);
            }
        });
        on_cleanup(move || printing.remove());
        shown
    }

    /// How many of the page's entries are rendered, from the first.
    pub fn count(&self) -> usize {
        let view = self.view.read();
        self.grown.with(|grown| grown.count(&view))
    }

    fn count_untracked(&self) -> usize {
        let view = self.view.read_untracked();
        self.grown.with_untracked(|grown| grown.count(&view))
    }

    fn grow_to(&self, count: usize) {
        let view = self.view.get_untracked();
        self.grown.maybe_update(|grown| grown.grow(&view, count));
    }
}

/// After the rendered entries, while the page has more: a button that
/// renders them all, and that renders the next screenful by itself when
/// it comes near the screen.
#[component]
pub fn MoreEntries(shown: ShownEntries, page_len: Memo<usize>) -> impl IntoView {
    let counts = Memo::new(move |_| (shown.count(), page_len.get()));
    move || {
        let (count, total) = counts.get();
        (count < total).then(|| {
            let button = NodeRef::<html::Button>::new();
            let near = when_near(button, move || shown.grow_to(more_shown(count, total)));
            let rest = total - count;
            let label = if rest == 1 {
                "Show the last release of this page".to_owned()
            } else {
                format!("Show the other {rest} releases of this page")
            };
            view! {
                <button type="button" class="button button--secondary more-entries" node_ref=button
                    on:focusout=move |_| near.ask_again()
                    on:click=move |_| {
                        shown.grow_to(total);
                        focus_entry_when_rendered(count, FOCUS_FRAMES);
                    }>{label}</button>
            }
        })
    }
}

/// How long a pressed button waits for the entry after it (whose record a
/// large archive may still be fetching), in frames: about 5 s.
const FOCUS_FRAMES: u32 = 300;

/// Moves focus to the title link of the page's entry `index` once it is
/// rendered: the button is gone, and a keyboard reader goes on from there.
fn focus_entry_when_rendered(index: usize, frames_left: u32) {
    request_animation_frame(move || {
        let links = document()
            .query_selector_all(".timeline .entry__title a")
            .ok();
        match links.and_then(|links| links.item(index as u32)) {
            Some(link) => {
                let _ = link.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            None if frames_left > 0 => focus_entry_when_rendered(index, frames_left - 1),
            None => {}
        }
    });
}

type NearCallback = Closure<dyn Fn(js_sys::Array)>;

/// Watches whether a "Show more" button is near the screen.
#[derive(Clone, Copy)]
struct NearWatch {
    observer: StoredValue<Option<(IntersectionObserver, NearCallback)>, LocalStorage>,
    target: NodeRef<html::Button>,
}

impl NearWatch {
    /// Has the observer report again: a button that was near while it had
    /// the focus renders the entries when the focus leaves it. A button
    /// removed with the focus on it reports its focus leaving after its
    /// owner is gone: nothing to ask then.
    fn ask_again(&self) {
        let Some(element) = self.target.try_get_untracked().flatten() else {
            return;
        };
        self.observer.try_with_value(|observer| {
            if let Some((observer, _)) = observer {
                observer.unobserve(&element);
                observer.observe(&element);
            }
        });
    }
}

/// Calls `near` when `target` comes within `AHEAD` of the screen, or at
/// once if it is there (an observer reports the state it starts in). Not
/// while the button has the focus: rendering would replace it and drop a
/// keyboard reader's focus on the body, and the next Tab would skip the
/// entries just rendered; that reader presses it instead. The observer
/// stops with the owner.
fn when_near(target: NodeRef<html::Button>, near: impl Fn() + 'static) -> NearWatch {
    let observer = StoredValue::new_local(None::<(IntersectionObserver, NearCallback)>);
    target.on_load(move |element| {
        let button: web_sys::Element = element.clone().into();
        let callback = NearCallback::new(move |entries: js_sys::Array| {
            let is_near = entries.iter().any(|entry| {
                entry
                    .unchecked_into::<IntersectionObserverEntry>()
                    .is_intersecting()
            });
            let has_focus = document().active_element().as_ref() == Some(&button);
            if is_near && !has_focus {
                near();
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(AHEAD);
        let Ok(created) =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
        else {
            return; // No observer: the button still renders them.
        };
        created.observe(&element);
        observer.set_value(Some((created, callback)));
    });
    on_cleanup(move || {
        observer.with_value(|observer| {
            if let Some((observer, _)) = observer {
                observer.disconnect();
            }
        });
    });
    NearWatch { observer, target }
}
