//! Progress of long steps (`site` and `generate` at 100,000 releases take
//! tens of seconds): bars on a terminal, nothing when output goes to a file,
//! a pipe or CI, where a bar would only be noise in the log.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Where progress is drawn, if anywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    shown: bool,
}

impl Progress {
    /// Shown when standard error is a terminal.
    pub fn on_terminal() -> Progress {
        Progress {
            shown: std::io::stderr().is_terminal(),
        }
    }

    /// Never shown (tests).
    #[cfg(test)]
    pub fn hidden() -> Progress {
        Progress { shown: false }
    }

    /// A bar for one step of `total` items, labelled `what`.
    pub fn step(&self, what: &'static str, total: usize) -> Step {
        let bar = if self.shown {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg:>16} [{bar:30}] {human_pos}/{human_len} {elapsed}",
                )
                .expect("a valid template")
                .progress_chars("=> "),
            );
            bar.set_message(what);
            bar
        } else {
            ProgressBar::hidden()
        };
        Step(bar)
    }
}

/// One step's bar; cleared when done.
pub struct Step(ProgressBar);

impl Step {
    pub fn advance(&self, items: usize) {
        self.0.inc(items as u64);
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
