//! The web app's entry point (built for wasm32 by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    newsroom::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the newsroom app runs in a browser: build it with `trunk build --release`");
    std::process::exit(2);
}
