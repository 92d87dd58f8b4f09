//! Test builds only (`--features crash-test`): the address fragment
//! `#panic` makes the running app panic, so a browser test can check the
//! crash view. The release build does not carry it (a test checks its wasm).

use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// What the panic says; the browser test looks for it, and for its absence
/// from the release build's wasm.
const MESSAGE: &str = "crash-test trigger: #panic";

pub fn install() {
    let on_hash_change = Closure::<dyn Fn()>::new(|| {
        if window().location().hash().ok().as_deref() == Some("#panic") {
            panic!("{MESSAGE}");
        }
    });
    let _ = window()
        .add_event_listener_with_callback("hashchange", on_hash_change.as_ref().unchecked_ref());
    // Listens for the page's whole life.
    on_hash_change.forget();
}
